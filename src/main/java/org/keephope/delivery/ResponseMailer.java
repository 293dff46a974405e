package org.keephope.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.MailMessage;
import org.keephope.mail.MailPriority;
import org.keephope.mail.MailProperties;
import org.keephope.mail.Outbox;
import org.keephope.signature.KeptInformed;
import org.keephope.target.LetterMode;
import org.keephope.target.LetterProperties;
import org.keephope.target.Letters;
import org.keephope.target.Target;
import org.keephope.target.Targets;
import org.keephope.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Mails each response once to the supporters who asked to be kept informed, on any node, never from a request: a
 * round locks one unfinished mailing ({@code FOR UPDATE SKIP LOCKED}), writes the next batch of mails to the outbox
 * and moves the mailing's cursor on, in one transaction. It goes in the campaign's letters mode, the more careful
 * of {@code KEEPHOPE_LETTERS_MODE} and the campaign's own: {@code send} mails every supporter; {@code dry-run}
 * mails one sample, marked, to the test address (saying how many would have got it) and nobody else; {@code off}
 * mails nobody. Either way the mailing is then done: switching to {@code send} later does not mail old responses.
 */
@Component
class ResponseMailer {

    private static final Logger log = LoggerFactory.getLogger(ResponseMailer.class);

    /** Mails written to the outbox per transaction. */
    static final int BATCH = 200;

    private final ResponseRepository repository;
    private final KeptInformed informed;
    private final Letters letters;
    private final Campaigns campaigns;
    private final Targets targets;
    private final Outbox outbox;
    private final LetterProperties letterProperties;
    private final MailProperties mail;
    private final SiteProperties site;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ResponseMailer(
            ResponseRepository repository,
            KeptInformed informed,
            Letters letters,
            Campaigns campaigns,
            Targets targets,
            Outbox outbox,
            LetterProperties letterProperties,
            MailProperties mail,
            SiteProperties site,
            MessageSource messages,
            TransactionTemplate transaction,
            Clock clock) {
        this.repository = repository;
        this.informed = informed;
        this.letters = letters;
        this.campaigns = campaigns;
        this.targets = targets;
        this.outbox = outbox;
        this.letterProperties = letterProperties;
        this.mail = mail;
        this.site = site;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${keephope.letters.dispatch-millis:5000}",
            fixedDelayString = "${keephope.letters.dispatch-millis:5000}")
    void scheduled() {
        try {
            mailDue();
        } catch (RuntimeException e) {
            log.warn("Responses could not be mailed now, the next round tries again: {}", e.toString());
        }
    }

    /** Rounds until none is left to do; returns how many mails went to the outbox. */
    int mailDue() {
        int total = 0;
        for (int round = 0; round < 1000; round++) {
            Integer written = transaction.execute(status -> round());
            if (written == null || written < 0) {
                break;
            }
            total += written;
        }
        return total;
    }

    /** One batch of one mailing; -1 when no mailing is left (or every one is held by another node). */
    private int round() {
        Optional<ResponseRepository.Mailing> next = repository.lockNextMailing();
        if (next.isEmpty()) {
            return -1;
        }
        ResponseRepository.Mailing mailing = next.get();
        Responses.Response response = repository.byId(mailing.responseId()).orElseThrow();
        LetterMode mode = letters.mode(response.campaignId());
        if (mode == LetterMode.OFF) {
            repository.finish(response.id(), mode.value(), clock.instant());
            return 0;
        }
        if (mode == LetterMode.DRY_RUN) {
            long count = informed.count(response.campaignId());
            List<KeptInformed.Recipient> first = informed.after(response.campaignId(), null, 1);
            if (!first.isEmpty()) {
                KeptInformed.Recipient sample = first.get(0);
                MailMessage real = compose(response, sample);
                String to = letterProperties.testAddress() == null
                                || letterProperties.testAddress().isBlank()
                        ? mail.from()
                        : letterProperties.testAddress().strip();
                Locale locale = Locale.forLanguageTag(sample.locale());
                String note = t("response.mail.dryRun", locale, count) + "\n\n";
                outbox.enqueue(
                        new MailMessage(
                                to,
                                "[DRY RUN] " + real.subject(),
                                note + real.text(),
                                real.html()
                                        .replace("<body>", "<body><p>" + HtmlUtils.htmlEscape(note.strip()) + "</p>"),
                                null),
                        "response:" + response.id(),
                        MailPriority.NOTICE);
                repository.advance(response.id(), null, 1);
            }
            repository.finish(response.id(), mode.value(), clock.instant());
            return first.isEmpty() ? 0 : 1;
        }
        List<KeptInformed.Recipient> batch = informed.after(response.campaignId(), mailing.afterId(), BATCH);
        List<Outbox.Queued> mails = new ArrayList<>();
        for (KeptInformed.Recipient r : batch) {
            mails.add(new Outbox.Queued(compose(response, r), r.reference(), MailPriority.NOTICE));
        }
        if (!mails.isEmpty()) {
            outbox.enqueueAll(mails);
            repository.advance(response.id(), batch.get(batch.size() - 1).signatureId(), mails.size());
        }
        if (batch.size() < BATCH) {
            repository.finish(response.id(), mode.value(), clock.instant());
        }
        return mails.size();
    }

    MailMessage compose(Responses.Response response, KeptInformed.Recipient to) {
        Locale locale = Locale.forLanguageTag(to.locale());
        var campaign = campaigns.summary(response.campaignId(), locale).orElseThrow();
        Target target = targets.forCampaign(response.campaignId(), locale).stream()
                .map(t -> t.target())
                .filter(t -> t.id() == response.targetId())
                .findFirst()
                .orElse(null);
        String who = target == null ? "" : target.name();
        String role = target == null ? "" : target.title();
        String page = site.absolute("/campaigns/" + campaign.slug());
        String subject = t("response.mail.subject", locale, who, campaign.title());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(t("response.mail.greeting", locale, to.firstName()));
        paragraphs.add(t(
                "response.mail.intro",
                locale,
                who,
                role,
                campaign.title(),
                response.on().toString()));
        paragraphs.add(response.summary());
        if (response.link() != null) {
            paragraphs.add(t("response.mail.link", locale) + "\n" + response.link());
        }
        paragraphs.add(t("response.mail.page", locale) + "\n" + page);
        String stop = site.absolute(to.stopPath());
        paragraphs.add("-- \n" + t("response.mail.why", locale) + "\n" + t("response.mail.stop", locale) + "\n" + stop);
        String text = String.join("\n\n", paragraphs) + "\n";
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"")
                .append(HtmlUtils.htmlEscape(locale.getLanguage()))
                .append("\"><body>");
        for (String p : paragraphs) {
            html.append("<p>")
                    .append(HtmlUtils.htmlEscape(p).replace("\n", "<br>"))
                    .append("</p>");
        }
        html.append("</body></html>");
        return new MailMessage(to.email(), subject, text, html.toString(), stop);
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

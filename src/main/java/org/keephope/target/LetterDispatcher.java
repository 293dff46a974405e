package org.keephope.target;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.MailMessage;
import org.keephope.mail.MailPriority;
import org.keephope.mail.MailProperties;
import org.keephope.mail.Outbox;
import org.keephope.privacy.PersonalData;
import org.keephope.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Hands due letters to the mail outbox, never from a request. Any number of nodes run it: a round locks the
 * sending rows of targets that may get a letter now ({@code FOR UPDATE SKIP LOCKED}), so each target's next letter
 * is taken by one node, and in the same transaction writes the mail to the outbox, marks the letter sent and moves
 * the target's next time on by an hour divided by its hourly cap (Proca's drip: letters spread evenly, never a
 * burst). A letter goes only while its campaign is live, its mode is not off, the target is not paused, within
 * the target's window (dates, and hours of the day in its time zone) and under its total cap. A target set to a
 * daily digest gets, once a day within its window and hours, one mail with every letter queued to it instead.
 */
@Component
class LetterDispatcher {

    private static final Logger log = LoggerFactory.getLogger(LetterDispatcher.class);

    /** Targets looked at per transaction. */
    static final int ROUND = 50;

    static String reference(long letterId) {
        return "letter:" + letterId;
    }

    private final LetterRepository repository;
    private final Letters letters;
    private final Targets targets;
    private final Campaigns campaigns;
    private final Outbox outbox;
    private final PersonalData crypto;
    private final LetterProperties properties;
    private final MailProperties mail;
    private final SiteProperties site;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LetterDispatcher(
            LetterRepository repository,
            Letters letters,
            Targets targets,
            Campaigns campaigns,
            Outbox outbox,
            PersonalData crypto,
            LetterProperties properties,
            MailProperties mail,
            SiteProperties site,
            TransactionTemplate transaction,
            Clock clock) {
        this.repository = repository;
        this.letters = letters;
        this.targets = targets;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.crypto = crypto;
        this.properties = properties;
        this.mail = mail;
        this.site = site;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${keephope.letters.dispatch-millis:5000}",
            fixedDelayString = "${keephope.letters.dispatch-millis:5000}")
    void scheduled() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Letters could not be handed to the outbox now, the next round tries again: {}", e.toString());
        }
    }

    /** Rounds until one hands over nothing; returns how many letters went to the outbox. */
    int dispatchDue() {
        int total = 0;
        for (int round = 0; round < 100; round++) {
            Integer sent = transaction.execute(status -> round());
            if (sent == null || sent == 0) {
                break;
            }
            total += sent;
        }
        return total;
    }

    private int round() {
        Instant now = clock.instant();
        int sent = 0;
        for (LetterRepository.Sending s : repository.lockDue(now, ROUND)) {
            if (sendNext(s, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean sendNext(LetterRepository.Sending s, Instant now) {
        CampaignRef campaign = campaigns.ref(s.campaignId()).orElse(null);
        if (campaign == null || !campaign.takesSignatures(now)) {
            return false; // closing stops letters; reopening lets them go on
        }
        LetterMode mode = letters.mode(s.campaignId());
        EditableTarget target = targets.forEditing(s.targetId()).orElse(null);
        if (mode == LetterMode.OFF || target == null || !target.data().active() || !open(s, target, now)) {
            return false;
        }
        if (s.digest()) {
            return sendDigest(s, mode, target, now);
        }
        Optional<LetterRepository.Queued> next = repository.oldestQueued(s.campaignId(), s.targetId());
        if (next.isEmpty()) {
            return false;
        }
        LetterRepository.Queued letter = next.get();
        String to;
        if (mode == LetterMode.SEND) {
            Set<String> bounced = repository.bounced(target.id());
            List<String> addresses = target.data().contactEmails().stream()
                    .filter(a -> !bounced.contains(a))
                    .toList();
            if (addresses.isEmpty()) {
                if (target.data().contactEmails().isEmpty()) {
                    return false; // no address on file: the letters wait, staff see them queued
                }
                repository.markBounced(letter.id()); // every address refused mail for good
                return true;
            }
            to = addresses.get(0);
        } else {
            to = testAddress();
        }
        LetterPayload payload = LetterPayload.open(crypto, letter.payload(), letter.signatureId(), target.id());
        String title = campaigns
                .summary(s.campaignId(), Locale.ENGLISH)
                .map(c -> c.title())
                .orElse("");
        outbox.enqueue(compose(to, mode, target, payload, title), reference(letter.id()), MailPriority.NOTICE);
        repository.markSent(letter.id(), to, mode != LetterMode.SEND, now);
        repository.sent(s.campaignId(), s.targetId(), now.plus(interval(s.hourlyCap())));
        return true;
    }

    /** Letters in one digest at most; what is left goes in the next day's. */
    static final int DIGEST_MAX = 500;

    /**
     * A target that takes a daily digest: every letter queued to it (up to the total cap and {@link #DIGEST_MAX}) in
     * one mail, under the first letter's reference; the next digest may go a day later.
     */
    private boolean sendDigest(LetterRepository.Sending s, LetterMode mode, EditableTarget target, Instant now) {
        int room = s.totalCap() == null ? DIGEST_MAX : Math.min(DIGEST_MAX, s.totalCap() - s.sentCount());
        List<LetterRepository.Queued> queued = repository.queued(s.campaignId(), s.targetId(), Math.max(0, room));
        if (queued.isEmpty()) {
            return false;
        }
        String to = address(mode, target);
        if (to == null) {
            if (target.data().contactEmails().isEmpty()) {
                return false;
            }
            queued.forEach(q -> repository.markBounced(q.id()));
            return true;
        }
        String title = campaigns
                .summary(s.campaignId(), Locale.ENGLISH)
                .map(c -> c.title())
                .orElse("");
        List<LetterPayload> payloads = queued.stream()
                .map(q -> LetterPayload.open(crypto, q.payload(), q.signatureId(), target.id()))
                .toList();
        long ref = queued.get(0).id();
        outbox.enqueue(composeDigest(to, mode, target, payloads, title, now), reference(ref), MailPriority.NOTICE);
        for (LetterRepository.Queued q : queued) {
            repository.markSent(q.id(), to, mode != LetterMode.SEND, now);
            repository.markDigested(q.id(), ref);
        }
        repository.sentDigest(s.campaignId(), s.targetId(), queued.size(), now.plus(Duration.ofDays(1)));
        return true;
    }

    /** Where a letter goes now: the test address, or in mode send the target's first address not bounced. */
    private String address(LetterMode mode, EditableTarget target) {
        if (mode != LetterMode.SEND) {
            return testAddress();
        }
        Set<String> bounced = repository.bounced(target.id());
        return target.data().contactEmails().stream()
                .filter(a -> !bounced.contains(a))
                .findFirst()
                .orElse(null);
    }

    private MailMessage composeDigest(
            String to, LetterMode mode, EditableTarget target, List<LetterPayload> letters, String title, Instant now) {
        StringBuilder text = new StringBuilder();
        String subject = letters.size() + (letters.size() == 1 ? " letter" : " letters") + " from supporters of \""
                + title + "\" (" + java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC) + ")";
        if (mode != LetterMode.SEND) {
            subject = "[DRY RUN] " + subject;
            text.append("[DRY RUN] This digest was not sent to ")
                    .append(target.data().original().name())
                    .append(" (")
                    .append(
                            target.data().contactEmails().isEmpty()
                                    ? "no address on file"
                                    : String.join(", ", target.data().contactEmails()))
                    .append("). Letters go to offices only in mode \"send\".\n\n");
        }
        text.append("Today's letters to you from supporters of the campaign \"")
                .append(title)
                .append("\" (")
                .append(site.absolute("/"))
                .append("), one after the other. Each writer agreed that their name and country are sent to you.\n\n");
        int n = 0;
        for (LetterPayload p : letters) {
            n++;
            text.append("---- ").append(n).append(" / ").append(letters.size()).append(" ----\n");
            text.append(p.subject())
                    .append("\n\n")
                    .append(p.text())
                    .append("\n\n")
                    .append(p.firstName());
            if (!p.lastName().isBlank()) {
                text.append(' ').append(p.lastName());
            }
            text.append('\n')
                    .append(Target.countryName(p.country(), Locale.ENGLISH))
                    .append("\n\n");
        }
        return plainAndHtml(to, subject, text.toString());
    }

    /** One letter every hour / cap: 30 an hour is one every two minutes. */
    static Duration interval(int hourlyCap) {
        return Duration.ofHours(1).dividedBy(Math.max(1, hourlyCap));
    }

    /** Within the window of dates, the hours of the day (in the target's time zone) and the total cap. */
    static boolean open(LetterRepository.Sending s, EditableTarget target, Instant now) {
        if (s.windowStart() != null && now.isBefore(s.windowStart())) {
            return false;
        }
        if (s.windowEnd() != null && !now.isBefore(s.windowEnd())) {
            return false;
        }
        if (s.totalCap() != null && s.sentCount() >= s.totalCap()) {
            return false;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(target.data().timeZone());
        } catch (RuntimeException e) {
            zone = java.time.ZoneOffset.UTC;
        }
        int hour = now.atZone(zone).getHour();
        int from = s.hourFrom();
        int to = s.hourTo();
        if (from == to || (from == 0 && to == 24)) {
            return true;
        }
        return from < to ? hour >= from && hour < to : hour >= from || hour < to; // 22–6 wraps past midnight
    }

    private String testAddress() {
        String configured = properties.testAddress();
        return configured == null || configured.isBlank() ? mail.from() : configured.strip();
    }

    private MailMessage compose(String to, LetterMode mode, EditableTarget target, LetterPayload p, String title) {
        String country = Target.countryName(p.country(), Locale.ENGLISH);
        StringBuilder text = new StringBuilder();
        String subject = p.subject();
        if (mode != LetterMode.SEND) {
            subject = "[DRY RUN] " + subject;
            text.append("[DRY RUN] This letter was not sent to ")
                    .append(target.data().original().name())
                    .append(" (")
                    .append(
                            target.data().contactEmails().isEmpty()
                                    ? "no address on file"
                                    : String.join(", ", target.data().contactEmails()))
                    .append("). Letters go to offices only in mode \"send\".\n\n");
        }
        text.append(p.text()).append("\n\n").append(p.firstName());
        if (!p.lastName().isBlank()) {
            text.append(' ').append(p.lastName());
        }
        text.append('\n').append(country).append("\n\n-- \n");
        text.append("Sent through the campaign \"")
                .append(title)
                .append("\" (")
                .append(site.absolute("/"))
                .append("). The writer agreed that their name and country are sent to you with this letter.\n");
        return plainAndHtml(to, subject, text.toString());
    }

    /** A letter's text as written, and as HTML with a paragraph for each blank-line break. */
    private static MailMessage plainAndHtml(String to, String subject, String plain) {
        StringBuilder html = new StringBuilder("<!doctype html><html><body>");
        for (String paragraph : plain.split("\n\n")) {
            html.append("<p>")
                    .append(HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>"))
                    .append("</p>");
        }
        html.append("</body></html>");
        return new MailMessage(to, subject, plain, html.toString(), null);
    }
}

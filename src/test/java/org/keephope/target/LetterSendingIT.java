package org.keephope.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.mail.MailProperties;
import org.keephope.mail.MailRefused;
import org.keephope.mail.Outbox;
import org.keephope.privacy.PersonalData;
import org.keephope.signature.SignerLinks;
import org.keephope.support.AbstractStaffTest;
import org.keephope.support.MovableClock;
import org.keephope.support.SecondNode;
import org.keephope.support.Settings;
import org.keephope.support.TestMail;
import org.keephope.web.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending letters: through the outbox, spread by each target's hourly cap within its window, dry runs that never
 * reach an office, bounces, two nodes, and the staff screen. Clocks are set years ahead, in a window no real-time
 * dispatcher of the test application opens, so that only the test's own dispatcher sends these letters.
 */
class LetterSendingIT extends AbstractStaffTest {

    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");
    static final Instant T0 = Instant.parse("2031-03-03T10:00:00Z");

    @Autowired
    LetterRepository repository;

    @Autowired
    LetterTokens tokens;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Targets targets;

    @Autowired
    SignerLinks signers;

    @Autowired
    PersonalData crypto;

    @Autowired
    Outbox outbox;

    @Autowired
    MessageSource messages;

    @Autowired
    MailProperties mail;

    @Autowired
    SiteProperties site;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    Letters letters;

    static LetterProperties properties(LetterMode mode) {
        return Settings.of("keephope.letters", LetterProperties.class, Map.of("keephope.letters.mode", mode.value()));
    }

    LetterDispatcher dispatcher(java.time.Clock clock, LetterMode global) {
        LetterProperties properties = properties(global);
        Letters letters = new Letters(
                repository, tokens, campaigns, targets, signers, crypto, outbox, properties, messages, clock);
        return new LetterDispatcher(
                repository, letters, targets, campaigns, outbox, crypto, properties, mail, site, transaction, clock);
    }

    String campaign() {
        String slug = "letters-" + UUID.randomUUID().toString().substring(0, 8);
        campaigns.create(new NewCampaign(
                slug,
                CampaignStatus.LIVE,
                "en",
                "Letters " + slug,
                "A campaign for one test",
                "Body",
                null,
                null,
                new Event("Summit", "Here", LocalDate.of(2030, 1, 1), null),
                null,
                100,
                null));
        return slug;
    }

    long id(String slug) {
        return campaigns.ref(slug).orElseThrow().id();
    }

    long target(long campaignId, String zone, String... emails) {
        String externalId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        long id = targets.create(
                new TargetData(
                        externalId,
                        "FR",
                        new TargetNames("Office " + externalId, "President", null),
                        Map.of(),
                        List.of(emails),
                        null,
                        zone,
                        true),
                "test");
        targets.addToCampaign(campaignId, id, 0, null, false);
        return id;
    }

    /** Queues a letter of a new supporter, as the letter form does. */
    long queue(long campaignId, long targetId, String subject) {
        UUID supporter = UUID.randomUUID();
        LetterPayload payload = new LetterPayload("Jeanne", "Lettre", "FR", "en", subject, "Please act.");
        return transaction.execute(status -> {
            repository.ensureSending(campaignId, targetId, 30);
            assertThat(repository.queue(
                            campaignId, targetId, supporter, payload.seal(crypto, supporter, targetId), Instant.now()))
                    .isTrue();
            assertThat(repository.queue(
                            campaignId, targetId, supporter, payload.seal(crypto, supporter, targetId), Instant.now()))
                    .as("one letter per supporter per target")
                    .isFalse();
            return jdbc.sql("select max(id) from letter where target_id = ?")
                    .param(targetId)
                    .query(Long.class)
                    .single();
        });
    }

    void window(long campaignId, long targetId, Instant start, Instant end, int from, int to, int cap, Integer total) {
        transaction.executeWithoutResult(status -> {
            var s = repository.sending(campaignId, targetId).orElseThrow();
            repository.saveSending(new LetterRepository.Sending(
                    campaignId, targetId, start, end, from, to, cap, total, s.paused(), null, 0, false));
        });
    }

    int sent(long targetId) {
        return jdbc.sql("select count(*) from letter where target_id = ? and status = 'SENT'")
                .param(targetId)
                .query(Integer.class)
                .single();
    }

    String status(long letterId) {
        return jdbc.sql("select status from letter where id = ?")
                .param(letterId)
                .query(String.class)
                .single();
    }

    long outboxRows(long letterId) {
        return jdbc.sql("select count(*) from mail_outbox where reference = ?")
                .param(LetterDispatcher.reference(letterId))
                .query(Long.class)
                .single();
    }

    @Test
    void theHourlyCapSpreadsLettersEvenlyWithinTheWindowAndTheTargetsHours() {
        long campaign = id(campaign());
        long target = target(campaign, "Europe/Paris", "elysee@gov.example");
        for (int i = 0; i < 6; i++) {
            queue(campaign, target, "Spread " + i);
        }
        // 30 an hour: one every two minutes; window 10:00–10:10 UTC; hours 9–18 Paris time (UTC+1 in March)
        window(campaign, target, T0, T0.plus(Duration.ofMinutes(10)), 9, 18, 30, null);
        MovableClock clock = new MovableClock(T0.minusSeconds(60));
        LetterDispatcher dispatcher = dispatcher(clock, LetterMode.DRY_RUN);

        dispatcher.dispatchDue();
        assertThat(sent(target)).as("before the window opens").isZero();
        clock.now = T0;
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertThat(sent(target)).as("one at the opening, not a burst").isEqualTo(1);
        clock.advance(Duration.ofSeconds(119));
        dispatcher.dispatchDue();
        assertThat(sent(target)).as("not before two minutes").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertThat(sent(target)).isEqualTo(2);
        clock.advance(Duration.ofMinutes(5));
        dispatcher.dispatchDue();
        assertThat(sent(target))
                .as("a late round sends one, it does not catch up")
                .isEqualTo(3);
        clock.now = T0.plus(Duration.ofMinutes(10));
        dispatcher.dispatchDue();
        assertThat(sent(target)).as("the window has closed").isEqualTo(3);

        // hours of the day in the target's time zone: 18:00 Paris is 17:00 UTC
        window(campaign, target, null, null, 9, 18, 30, null);
        clock.now = Instant.parse("2031-03-04T17:00:00Z");
        dispatcher.dispatchDue();
        assertThat(sent(target)).as("18:00 in Paris is past the hours").isEqualTo(3);
        clock.now = Instant.parse("2031-03-04T16:59:00Z");
        dispatcher.dispatchDue();
        assertThat(sent(target)).isEqualTo(4);
    }

    @Test
    void aTotalCapPauseAndCancelStopWhatIsQueued() throws Exception {
        String slug = campaign();
        long campaign = id(slug);
        long target = target(campaign, "UTC", "office@gov.example");
        for (int i = 0; i < 5; i++) {
            queue(campaign, target, "Capped " + i);
        }
        window(campaign, target, T0, null, 0, 24, 60, 2);
        MovableClock clock = new MovableClock(T0);
        LetterDispatcher dispatcher = dispatcher(clock, LetterMode.DRY_RUN);
        for (int i = 0; i < 4; i++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(sent(target)).as("the total cap").isEqualTo(2);

        var paused = mvc.perform(MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/letters/" + target)
                        .param("windowStart", "2031-03-03T10:00")
                        .param("windowEnd", "")
                        .param("hourFrom", "0")
                        .param("hourTo", "24")
                        .param("hourlyCap", "60")
                        .param("totalCap", "")
                        .param("paused", "on")
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(paused.getStatus()).isEqualTo(303);
        dispatcher.dispatchDue();
        assertThat(sent(target))
                .as("paused: nothing more, though the cap is lifted")
                .isEqualTo(2);

        var page = mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/" + slug + "/letters")
                        .with(EDITOR))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<span class=\"queued\">3</span>")
                .contains("<span class=\"sent\">2</span>")
                .contains("checked");
        var cancelled = mvc.perform(
                        MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/letters/" + target + "/cancel")
                                .with(EDITOR)
                                .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(cancelled.getStatus()).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from letter where target_id = ? and status = 'CANCELLED'"
                                + " and payload is null")
                        .param(target)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);

        var bad = mvc.perform(MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/letters/" + target)
                        .param("windowStart", "tomorrow")
                        .param("hourFrom", "25")
                        .param("hourTo", "24")
                        .param("hourlyCap", "0")
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString())
                .contains("id=\"windowStart-" + target + "-error\"")
                .contains("id=\"hourFrom-" + target + "-error\"")
                .contains("id=\"hourlyCap-" + target + "-error\"")
                .contains("value=\"tomorrow\"");
    }

    @Test
    void aDryRunNeverMailsAnOfficeAndSendingNeedsBothSettings() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String office = "office-" + run + "@gov.example";
        long campaign = id(campaign());
        long target = target(campaign, "UTC", office);
        long first = queue(campaign, target, "Dry " + run);
        long second = queue(campaign, target, "Dry " + run);
        window(campaign, target, T0, null, 0, 24, 3600, null);
        MovableClock clock = new MovableClock(T0);

        // global send, the campaign left at its default (dry run): a dry run
        dispatcher(clock, LetterMode.SEND).dispatchDue();
        // the campaign says send, the global setting says dry run: a dry run
        transaction.executeWithoutResult(s -> repository.setMode(campaign, LetterMode.SEND));
        clock.advance(Duration.ofSeconds(2));
        dispatcher(clock, LetterMode.DRY_RUN).dispatchDue();
        assertThat(List.of(status(first), status(second))).containsOnly("SENT");

        List<MimeMessage> dry = awaitSubject("[DRY RUN] Dry " + run, 2);
        for (MimeMessage m : dry) {
            assertThat(recipients(m)).containsExactly("no-reply@localhost");
            assertThat(org.keephope.support.Signer.text(m))
                    .contains("Please act.")
                    .contains("Jeanne Lettre")
                    .contains("France");
        }
        assertThat(allRecipients()).as("nobody mailed the office").doesNotContain(office);

        // both say send: now, and only now, the office gets it
        long third = queue(campaign, target, "Real " + run);
        clock.advance(Duration.ofSeconds(2));
        dispatcher(clock, LetterMode.SEND).dispatchDue();
        assertThat(status(third)).isEqualTo("SENT");
        assertThat(recipients(awaitSubject("Real " + run, 1).get(0))).containsExactly(office);
    }

    @Test
    void anAddressTheServerRefusesForGoodIsBouncedAndGetsNoMore() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long campaign = id(campaign());
        long target = target(campaign, "UTC", "a-" + run + "@gov.example", "b-" + run + "@gov.example");
        transaction.executeWithoutResult(s -> repository.setMode(campaign, LetterMode.SEND));
        long one = queue(campaign, target, "Bounce " + run);
        long two = queue(campaign, target, "Bounce " + run);
        long three = queue(campaign, target, "Bounce " + run);
        window(campaign, target, T0, null, 0, 24, 3600, null);
        MovableClock clock = new MovableClock(T0);
        LetterDispatcher dispatcher = dispatcher(clock, LetterMode.SEND);

        dispatcher.dispatchDue();
        assertThat(sentTo(one)).isEqualTo("a-" + run + "@gov.example");
        transaction.executeWithoutResult(
                s -> events.publishEvent(new MailRefused(LetterDispatcher.reference(one), 550)));
        assertThat(status(one)).isEqualTo("BOUNCED");

        clock.advance(Duration.ofSeconds(2));
        dispatcher.dispatchDue();
        assertThat(sentTo(two)).as("the next address").isEqualTo("b-" + run + "@gov.example");
        transaction.executeWithoutResult(
                s -> events.publishEvent(new MailRefused(LetterDispatcher.reference(two), 550)));

        clock.advance(Duration.ofSeconds(2));
        dispatcher.dispatchDue();
        assertThat(status(three))
                .as("every address bounced: the letter is not sent")
                .isEqualTo("BOUNCED");
        assertThat(outboxRows(three)).isZero();
        assertThat(jdbc.sql("select count(*) from letter_bounce where target_id = ?")
                        .param(target)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void twoNodesHandEachLetterToTheOutboxOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long campaign = id(campaign());
        List<Long> ids = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            long target = target(campaign, "UTC");
            ids.add(target);
            for (int i = 0; i < 4; i++) {
                all.add(queue(campaign, target, "Nodes " + run));
            }
            window(campaign, target, null, null, 0, 24, 3600, null); // one a second
        }
        try (var second = SecondNode.start(environment)) {
            LetterDispatcher here = dispatcher(java.time.Clock.systemUTC(), LetterMode.DRY_RUN);
            LetterDispatcher there = second.getBean(LetterDispatcher.class);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            // generous: a busy build machine (load 10+ on two cores) once needed more than 30 s for these 20
            Instant end = Instant.now().plusSeconds(90);
            List<Future<?>> loops = new ArrayList<>();
            for (LetterDispatcher d : List.of(here, there, here, there)) {
                loops.add(pool.submit(() -> {
                    while (Instant.now().isBefore(end)
                            && ids.stream().mapToInt(this::sent).sum() < all.size()) {
                        d.dispatchDue();
                        Thread.sleep(20); // leave the CPU to the other node's rounds
                    }
                    return null;
                }));
            }
            for (Future<?> f : loops) {
                f.get();
            }
            pool.shutdown();
        }
        for (long letter : all) {
            assertThat(status(letter)).isEqualTo("SENT");
            assertThat(outboxRows(letter))
                    .as("letter " + letter + " in the outbox once")
                    .isEqualTo(1);
        }
        for (long target : ids) {
            assertThat(repository.sending(campaign, target).orElseThrow().sentCount())
                    .isEqualTo(4);
        }
    }

    @Test
    void aDailyDigestPutsEveryQueuedLetterInOneMailOnceADay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String slug = campaign();
        long campaign = id(slug);
        long target = target(campaign, "UTC", "digest-" + run + "@gov.example");
        List<Long> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            first.add(queue(campaign, target, "Digest " + run + " " + i));
        }
        var saved = mvc.perform(MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/letters/" + target)
                        .param("windowStart", "2031-03-03T10:00")
                        .param("windowEnd", "")
                        .param("hourFrom", "9")
                        .param("hourTo", "18")
                        .param("hourlyCap", "30")
                        .param("totalCap", "")
                        .param("digest", "on")
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(repository.sending(campaign, target).orElseThrow().digest()).isTrue();
        MovableClock clock = new MovableClock(T0);
        LetterDispatcher dispatcher = dispatcher(clock, LetterMode.DRY_RUN);

        dispatcher.dispatchDue();
        assertThat(sent(target)).as("all three in one go").isEqualTo(3);
        assertThat(outboxRows(first.get(0)))
                .as("one mail, under the first letter")
                .isEqualTo(1);
        assertThat(outboxRows(first.get(1))).isZero();
        MimeMessage digest = awaitSubject(
                        "[DRY RUN] 3 letters from supporters of \"Letters " + slug + "\" (2031-03-03)", 1)
                .get(0);
        assertThat(recipients(digest)).containsExactly("no-reply@localhost");
        assertThat(org.keephope.support.Signer.text(digest))
                .contains("Digest " + run + " 0")
                .contains("Digest " + run + " 2")
                .contains("---- 3 / 3 ----");

        long later = queue(campaign, target, "Digest " + run + " later");
        clock.advance(Duration.ofHours(5));
        dispatcher.dispatchDue();
        assertThat(status(later)).as("one digest a day").isEqualTo("QUEUED");
        clock.now = Instant.parse("2031-03-04T08:30:00Z");
        dispatcher.dispatchDue();
        assertThat(status(later))
                .as("not before a day has passed since the last digest")
                .isEqualTo("QUEUED");
        clock.now = Instant.parse("2031-03-04T10:01:00Z");
        dispatcher.dispatchDue();
        assertThat(status(later)).isEqualTo("SENT");
        assertThat(repository.sending(campaign, target).orElseThrow().sentCount())
                .isEqualTo(4);
    }

    @Test
    void staffSetTheModeAndTheLetterPerLanguage() throws Exception {
        String slug = campaign();
        var bad = mvc.perform(MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/letters")
                        .param("mode", "loud")
                        .param("subject_en", "Subject")
                        .param("text_en", "x".repeat(5001))
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString()).contains("id=\"mode-error\"").contains("id=\"text_en-error\"");

        var saved = mvc.perform(MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/letters")
                        .param("mode", "off")
                        .param("subject_en", "Our subject")
                        .param("text_en", "Our text")
                        .param("subject_ru", "Наша тема")
                        .param("text_ru", "Наш текст")
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        long campaign = id(slug);
        assertThat(letters.mode(campaign)).isEqualTo(LetterMode.OFF);
        assertThat(letters.template(campaign, java.util.Locale.forLanguageTag("ru"), "")
                        .subject())
                .isEqualTo("Наша тема");
        assertThat(letters.template(campaign, java.util.Locale.GERMAN, "").text())
                .as("a language without a letter of its own gets the English one")
                .isEqualTo("Our text");
        long target = target(campaign, "Europe/Paris", "elysee@gov.example");
        queue(campaign, target, "Shown");
        for (String lang : List.of("en", "ru")) {
            String page = mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/" + slug + "/letters?lang=" + lang)
                            .with(EDITOR))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            org.keephope.support.Screens.save("letters-admin-" + lang, page);
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/" + slug + "/letters")
                                .with(EDITOR))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Our subject")
                .contains("<span class=\"queued\">1</span>")
                .contains("name=\"digest\"");
    }

    String sentTo(long letterId) {
        return jdbc.sql("select sent_to from letter where id = ?")
                .param(letterId)
                .query(String.class)
                .single();
    }

    static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> allRecipients() {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .flatMap(m -> recipients(m).stream())
                .toList();
    }

    static List<MimeMessage> awaitSubject(String subject, int count) {
        Instant end = Instant.now().plusSeconds(20);
        List<MimeMessage> found = List.of();
        while (Instant.now().isBefore(end)) {
            found = Arrays.stream(TestMail.server().getReceivedMessages())
                    .filter(m -> {
                        try {
                            return subject.equals(m.getSubject());
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .toList();
            if (found.size() >= count) {
                return found;
            }
            org.keephope.support.Signer.sleep(100);
        }
        assertThat(found).as("mails with subject " + subject).hasSize(count);
        return found;
    }
}

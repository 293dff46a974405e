package org.keephope.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.support.AbstractStaffTest;
import org.keephope.support.MovableClock;
import org.keephope.support.Rows;
import org.keephope.support.SecondNode;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The lifecycle on a clock: a live campaign past its deadline closes by itself, once, on any node; staff reopen. */
class CampaignClockIT extends AbstractStaffTest {

    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");

    @Autowired
    Campaigns campaigns;

    @Autowired
    CampaignRepository repository;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    CampaignClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    String live(Instant deadline) {
        String slug = "clock-" + UUID.randomUUID().toString().substring(0, 8);
        campaigns.create(new NewCampaign(
                slug,
                CampaignStatus.LIVE,
                "en",
                "Clock " + slug,
                "A campaign for one test",
                "Body",
                null,
                null,
                new Event("Summit", "Here", LocalDate.of(2030, 1, 1), null),
                deadline,
                100,
                null));
        return slug;
    }

    CampaignStatus status(String slug) {
        return campaigns.ref(slug).orElseThrow().status();
    }

    long closings(String slug) {
        return jdbc.sql("select count(*) from audit_entry where action = 'campaign.close' and object_id = ?")
                .param("" + campaigns.ref(slug).orElseThrow().id())
                .query(Long.class)
                .single();
    }

    Instant closedAt(String slug) {
        return jdbc.sql("select closed_at from campaign where slug = ?")
                .param(slug)
                .query((rs, n) -> java.util.Optional.ofNullable(Rows.instant(rs, "closed_at")))
                .single()
                .orElse(null);
    }

    @Test
    void aLiveCampaignClosesWhenTheInjectedClockPassesItsDeadlineAndOnlyThen() {
        Instant deadline = Instant.parse("2031-06-01T00:00:00Z");
        String slug = live(deadline);
        MovableClock time = new MovableClock(deadline.minusSeconds(1));
        CampaignClock node = new CampaignClock(repository, audit, transaction, time);

        node.closeDue();
        assertThat(status(slug)).as("a second before the deadline").isEqualTo(CampaignStatus.LIVE);
        time.now = deadline;
        assertThat(node.closeDue()).isGreaterThanOrEqualTo(1);
        assertThat(status(slug)).isEqualTo(CampaignStatus.CLOSED);
        assertThat(closedAt(slug)).as("signing ended at the deadline").isEqualTo(deadline);
        time.advance(Duration.ofDays(1));
        node.closeDue();
        assertThat(closings(slug)).as("closed once, audited once").isEqualTo(1);
    }

    @Test
    void twoNodesCloseACampaignExactlyOnce() throws Exception {
        String slug = live(Instant.now().plusSeconds(2));
        try (var second = SecondNode.start(environment)) {
            CampaignClock there = second.getBean(CampaignClock.class);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            Instant end = Instant.now().plusSeconds(20);
            List<Future<Integer>> loops = new ArrayList<>();
            for (CampaignClock node : List.of(clock, there, clock, there)) {
                loops.add(pool.submit(() -> {
                    int closed = 0;
                    while (Instant.now().isBefore(end) && status(slug) == CampaignStatus.LIVE) {
                        closed += node.closeDue();
                    }
                    for (int i = 0; i < 20; i++) {
                        closed += node.closeDue(); // and a few more rounds once it is closed
                    }
                    return closed;
                }));
            }
            for (Future<Integer> f : loops) {
                f.get();
            }
            pool.shutdown();
        }
        assertThat(status(slug)).isEqualTo(CampaignStatus.CLOSED);
        assertThat(closings(slug)).as("one close, by one node").isEqualTo(1);
    }

    @Test
    void closingStopsSigningWith409AndStaffReopenOnlyWithTheDeadlineAhead() throws Exception {
        Instant deadline = Instant.parse("2031-06-01T00:00:00Z");
        String slug = live(deadline);
        String open = get("/campaigns/" + slug).body();
        new CampaignClock(repository, audit, transaction, new MovableClock(deadline)).closeDue();
        assertThat(status(slug)).isEqualTo(CampaignStatus.CLOSED);

        var refused = post("/campaigns/" + slug + "/sign", new Signer("Zoe", "SE").formFrom(open));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("not collecting signatures");

        // its deadline (2031) is ahead of today: staff may reopen it, and signing takes up again
        var reopened = mvc.perform(MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/status")
                        .param("transition", "REOPEN")
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(reopened.getStatus()).isEqualTo(303);
        assertThat(reopened.getHeader("Location")).doesNotContain("notReopened");
        assertThat(status(slug)).isEqualTo(CampaignStatus.LIVE);
        assertThat(closedAt(slug))
                .as("retention does not run for a live campaign")
                .isNull();
        var signed = post(
                "/campaigns/" + slug + "/sign",
                new Signer("Zoe", "SE").formFrom(get("/campaigns/" + slug).body()));
        assertThat(signed.statusCode()).isEqualTo(303);

        // a deadline that has passed: the clock closes it, and reopening is refused until staff move the deadline
        String past = live(Instant.now().minusSeconds(60));
        clock.closeDue();
        assertThat(status(past)).isEqualTo(CampaignStatus.CLOSED);
        var notReopened = mvc.perform(MockMvcRequestBuilders.post("/admin/campaigns/" + past + "/status")
                        .param("transition", "REOPEN")
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(notReopened.getStatus()).isEqualTo(303);
        assertThat(notReopened.getHeader("Location")).contains("notReopened");
        assertThat(status(past)).isEqualTo(CampaignStatus.CLOSED);
        for (String lang : List.of("en", "ru")) {
            String edit = mvc.perform(
                            MockMvcRequestBuilders.get("/admin/campaigns/" + past + "/edit?notReopened&lang=" + lang)
                                    .with(EDITOR))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(edit).contains("value=\"REOPEN\"");
            org.keephope.support.Screens.save("campaign-reopen-" + lang, edit);
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/" + past + "/edit?notReopened")
                                .with(EDITOR))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("its deadline has passed");
    }
}

package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.CampaignEditing;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.Outbox;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.MovableClock;
import org.keephope.support.Rows;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The privacy notice's promise: personal data goes the retention period after a campaign ends. */
class RetentionIT extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CampaignEditing editing;

    @Autowired
    SignatureRepository repository;

    @Autowired
    Outbox outbox;

    @Autowired
    SigningProperties properties;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    SignatureCounts counts;

    /** The application's retention job, with a clock the test moves. */
    Retention at(MovableClock clock) {
        return new Retention(campaigns, repository, outbox, properties, transaction, clock);
    }

    void sign(String page, Signer signer, boolean confirm) {
        assertThat(post(page + "/sign", signer.formFrom(get(page).body())).statusCode())
                .isEqualTo(303);
        var mail = signer.awaitMail();
        if (confirm) {
            post(Signer.link(mail, "/confirm/"), Map.of());
        }
    }

    long id(String page) {
        return campaigns.ref(TestCampaigns.slug(page)).orElseThrow().id();
    }

    record Left(String status, String country, boolean personal, Instant created, Instant confirmed) {}

    List<Left> left(long campaign) {
        return jdbc.sql("""
                        select status, country, created_at, confirmed_at,
                          (email_mac is not null or email_enc is not null or name_enc is not null
                           or public_name is not null or comment is not null) as personal
                          from signature where campaign_id = ? order by country
                        """)
                .param(campaign)
                .query((rs, n) -> new Left(
                        rs.getString("status"),
                        rs.getString("country").trim(),
                        rs.getBoolean("personal"),
                        Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "confirmed_at")))
                .list();
    }

    Instant closedAt(long campaign) {
        return jdbc.sql("select closed_at from campaign where id = ?")
                .param(campaign)
                .query((rs, n) -> Rows.instant(rs, "closed_at"))
                .single();
    }

    @Test
    void theRetentionPeriodAfterACampaignClosesItsSignersPersonalDataIsErasedLeavingCountryAndDay() {
        String page = TestCampaigns.live(campaigns, null);
        long campaign = id(page);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        sign(
                page,
                new Signer("Kept" + unique, "SE").with("showPublicly", "on").with("comment", "Words " + unique),
                true);
        sign(page, new Signer("Also" + unique, "DK"), true);
        sign(page, new Signer("Never" + unique, "FI"), false);
        assertThat(editing.move(TestCampaigns.slug(page), CampaignEditing.Transition.CLOSE, "test"))
                .isTrue();
        Instant closed = closedAt(campaign);
        assertThat(closed).isNotNull();
        MovableClock clock =
                new MovableClock(closed.plus(properties.retentionAfterClose()).minus(Duration.ofHours(1)));

        at(clock).eraseExpired();
        assertThat(left(campaign)).as("not yet").hasSize(3).allMatch(Left::personal);

        clock.now = closed.plus(properties.retentionAfterClose()).plusSeconds(60);
        assertThat(at(clock).eraseExpired()).isGreaterThanOrEqualTo(3);
        List<Left> left = left(campaign);
        assertThat(left).extracting(Left::country).containsExactly("DK", "SE");
        assertThat(left).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo("CONFIRMED");
            assertThat(l.personal()).isFalse();
            assertThat(l.created()).isEqualTo(l.created().truncatedTo(ChronoUnit.DAYS));
            assertThat(l.confirmed()).isEqualTo(l.confirmed().truncatedTo(ChronoUnit.DAYS));
        });
        StoredText stored = new StoredText(jdbc);
        assertThat(stored.contains("Kept" + unique)).isFalse();
        assertThat(stored.contains("Words " + unique)).isFalse();
        assertThat(counts.exactByCountry(campaign)).containsEntry("SE", 1L).containsEntry("DK", 1L);
        assertThat(at(clock).eraseExpired()).as("nothing twice").isZero();
    }

    @Test
    void aCampaignWhoseDeadlinePassedEndedThenAndNodesRunningAtOnceEraseEachSignatureOnce() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofDays(1));
        String page = TestCampaigns.live(campaigns, deadline);
        long campaign = id(page);
        for (int i = 0; i < 6; i++) {
            sign(page, new Signer("Node" + i, "NO"), i % 2 == 0);
        }
        MovableClock clock =
                new MovableClock(deadline.plus(properties.retentionAfterClose()).plusSeconds(60));
        var one = CompletableFuture.supplyAsync(() -> at(clock).eraseExpired());
        var two = CompletableFuture.supplyAsync(() -> at(clock).eraseExpired());
        one.get();
        two.get();
        assertThat(left(campaign)).hasSize(3).noneMatch(Left::personal);
    }

    @Test
    void thePrivacyNoticeStatesTheRetentionPeriodInBothLanguages() {
        long days = properties.retentionAfterClose().toDays();
        assertThat(get("/privacy").body())
                .contains(days + " days after it closes")
                .contains("deleted after " + properties.unconfirmedRetention().toDays() + " days");
        assertThat(get("/privacy?lang=ru").body()).contains("через " + days + " дн. после её закрытия");
    }
}

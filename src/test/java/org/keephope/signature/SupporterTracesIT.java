package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.Outbox;
import org.keephope.privacy.EmailAddress;
import org.keephope.privacy.Fingerprints;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.MovableClock;
import org.keephope.support.Rows;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a supporter leaves behind and what a hostile client can read or break (issue 8). */
class SupporterTracesIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Outbox outbox;

    @Autowired
    Fingerprints fingerprints;

    @Autowired
    CounterRepository counters;

    @Autowired
    SigningProperties properties;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    String confirmedOn(String page, Signer signer) {
        assertThat(post(page + "/sign", signer.formFrom(get(page).body())).statusCode())
                .isEqualTo(303);
        post(Signer.link(signer.awaitMail(), "/confirm/"), Map.of());
        return signer.email;
    }

    long campaignId(String page) {
        return campaigns.ref(TestCampaigns.slug(page)).orElseThrow().id();
    }

    String liveCampaign() {
        return TestCampaigns.live(campaigns, null);
    }

    UUID idOf(Signer signer) {
        return jdbc.sql("select id from signature where email_mac = ?")
                .param(fingerprints.of(Signing.EMAIL_MAC, EmailAddress.canonical(signer.email)))
                .query(UUID.class)
                .single();
    }

    String confirmed(Signer signer) {
        post(PAGE + "/sign", signer.formFrom(get(PAGE).body()));
        var mail = signer.awaitMail();
        post(Signer.link(mail, "/confirm/"), Map.of());
        return Signer.link(mail, "/erase/");
    }

    long sentMailsAbout(String reference) {
        return jdbc.sql("select count(*) from mail_outbox where reference = ? and status = 'SENT'")
                .param(reference)
                .query(Long.class)
                .single();
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant end = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(end);
            Signer.sleep(50);
        }
    }

    @Test
    void thePublicListShowsTheDayASignerConfirmedNeverTheTime() {
        String page = liveCampaign();
        confirmedOn(page, new Signer("Dana", "SE").with("showPublicly", "on"));
        confirmedOn(page, new Signer("Dara", "SE").with("showPublicly", "on"));
        String list = get(page + "/signers").body();
        assertThat(list).contains("Dana").contains("Dara");
        var times = java.util.regex.Pattern.compile("<time datetime=\"([^\"]*)\"")
                .matcher(list)
                .results()
                .map(r -> r.group(1))
                .toList();
        assertThat(times).hasSize(2).allSatisfy(t -> assertThat(t).matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void noCountryWithFewerThanFiveSignaturesIsNamedInThePagesOrTheApi() {
        String page = liveCampaign();
        for (int i = 0; i < 5; i++) {
            confirmedOn(page, new Signer("Dan" + i, "DK"));
        }
        confirmedOn(page, new Signer("Solo", "SE"));
        confirmedOn(page, new Signer("Pair", "IS"));
        confirmedOn(page, new Signer("Pair", "IS"));

        String api = get("/api/campaigns/" + TestCampaigns.slug(page)).body();
        assertThat(api)
                .contains("\"signatures\":8")
                .contains("\"byCountry\":{\"DK\":5}")
                .contains("\"otherCountries\":3")
                .containsPattern("\"byCountryAsOf\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00Z\"")
                .doesNotContain("\"SE\"")
                .doesNotContain("\"IS\"");

        String signers = get(page + "/signers").body();
        assertThat(signers)
                .contains("Denmark")
                .contains("Other countries, fewer than 5 signatures each</th><td>3</td>")
                .doesNotContain("Sweden")
                .doesNotContain("Iceland");
        assertThat(get(page + "/signers?lang=ru").body()).contains("Дания").contains("меньше 5 подписей");
    }

    @Test
    void countsByCountryMoveOnlyAtTheStartOfEachMinuteWhileTheTotalIsFresh() {
        String page = liveCampaign();
        long campaign = campaignId(page);
        for (int i = 0; i < 4; i++) {
            confirmedOn(page, new Signer("Ida" + i, "IE"));
        }
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T12:00:10Z"));
        SignatureCounts counts = new SignatureCounts(counters, properties, transaction, clock);
        assertThat(counts.byCountry(campaign).countries()).isEmpty();
        assertThat(counts.byCountry(campaign).otherCountries()).isEqualTo(4);

        confirmedOn(page, new Signer("Ida4", "IE"));
        clock.now = Instant.parse("2030-01-01T12:00:59Z");
        assertThat(counts.tally(campaign).total()).as("the total is fresh").isEqualTo(5);
        assertThat(counts.byCountry(campaign).countries()).as("same minute").isEmpty();
        assertThat(counts.byCountry(campaign).asOf()).isEqualTo(Instant.parse("2030-01-01T12:00:00Z"));

        clock.now = Instant.parse("2030-01-01T12:01:00Z");
        assertThat(counts.byCountry(campaign).countries()).containsExactly(Map.entry("IE", 5L));
        assertThat(counts.byCountry(campaign).otherCountries()).isZero();
        assertThat(counts.byCountry(campaign).asOf()).isEqualTo(Instant.parse("2030-01-01T12:01:00Z"));
    }

    @Test
    void aDayAfterItsMailWentTheOutboxHoldsNoTraceOfASignature() {
        Signer sam = new Signer("Sam", "SE");
        confirmed(sam);
        String reference = "signature:" + idOf(sam);
        await(() -> sentMailsAbout(reference) == 1, "the confirmation recorded as sent");
        assertThat(new StoredText(jdbc).contains(reference))
                .as("the scan sees the trail")
                .isTrue();

        jdbc.sql("update mail_outbox set created_at = ? where reference = ?")
                .params(OffsetDateTime.now().minus(Duration.ofHours(25)), reference)
                .update();
        assertThat(outbox.deleteLeftovers()).isGreaterThanOrEqualTo(1);
        assertThat(new StoredText(jdbc).contains(reference)).isFalse();
    }

    @Test
    void anErasedSignatureLeavesNoMailTrailAndOnlyTheDaysItWasMadeConfirmedAndErased() {
        Signer ema = new Signer("Ema", "SE");
        String erase = confirmed(ema);
        UUID id = idOf(ema);
        await(() -> sentMailsAbout("signature:" + id) == 1, "the confirmation recorded as sent");
        assertThat(post(erase, Map.of()).statusCode()).isEqualTo(200);

        assertThat(new StoredText(jdbc).contains("signature:" + id)).isFalse();
        var times = jdbc.sql("select created_at, confirmed_at, erased_at from signature where id = ?")
                .param(id)
                .query((rs, n) -> new Instant[] {
                    Rows.instant(rs, "created_at"), Rows.instant(rs, "confirmed_at"), Rows.instant(rs, "erased_at")
                })
                .single();
        for (Instant time : times) {
            assertThat(time).isNotNull().isEqualTo(time.truncatedTo(ChronoUnit.DAYS));
        }
        assertThat(times[2]).isEqualTo(Instant.now().truncatedTo(ChronoUnit.DAYS));
    }

    @Test
    void aStampFromOneCampaignsPageIsRefusedOnAnothersForm() {
        String other = liveCampaign();
        Signer wanderer = new Signer("Wanda", "SE");
        var foreign = post(other + "/sign", wanderer.formFrom(get(PAGE).body()));
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(foreign.body()).contains("press Sign once more").contains("value=\"" + wanderer.email + "\"");
        assertThat(post(other + "/sign", wanderer.formFrom(get(other).body())).statusCode())
                .as("its own page's stamp")
                .isEqualTo(303);
    }

    @Test
    void aSlugWithCharactersAUriCannotHoldIsA404ProblemNotA500() {
        for (String encoded : new String[] {"%20", "%3C", "%3E", "%22", "%7B", "%7D", "%7C", "%5E"}) {
            var answer = get("/api/campaigns/a" + encoded + "b");
            assertThat(answer.statusCode()).as(encoded).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .as(encoded)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).as(encoded).contains("\"instance\":\"/api/campaigns/a" + encoded + "b\"");
        }
    }

    @Test
    void theConfirmRedirectCarriesTheTokenEncodedNotAsTheClientSentIt() {
        var answer = post("/confirm/a%20b%3Cc%22d", Map.of());
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/confirm/a%20b%3Cc%22d");
    }
}

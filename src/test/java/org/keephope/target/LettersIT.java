package org.keephope.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.Campaigns;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A letter to your own leader: routing, the link after confirming, the form, single use, privacy, erasure. */
class LettersIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";

    /** The purpose of the signature module's dedup key (Signing.EMAIL_MAC). */
    static final String EMAIL_MAC = "signature.email";

    @Autowired
    Letters letters;

    @Autowired
    LetterTokens tokens;

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    long demo() {
        return campaigns.ref("keep-hope-alive").orElseThrow().id();
    }

    /** Signs the demo campaign, confirms, and returns the confirmed page. */
    String signAndConfirm(Signer signer) {
        assertThat(post(PAGE + "/sign", signer.formFrom(get(PAGE).body())).statusCode())
                .isEqualTo(303);
        String confirm = Signer.link(signer.awaitMail(), "/confirm/");
        assertThat(post(confirm, Map.of()).statusCode()).isEqualTo(303);
        return get(confirm).body();
    }

    static Map<String, String> letter(String subject, String text, boolean agree) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("subject", subject);
        form.put("text", text);
        if (agree) {
            form.put("agree", "true");
        }
        return form;
    }

    @Test
    void aSupporterWritesToTheTargetOfTheirCountryOrElseToTheFallbackTargets() {
        assertThat(letters.recipients(demo(), "DE", Locale.ENGLISH))
                .extracting(Target::name)
                .containsExactly("Angela Merkel");
        assertThat(letters.recipients(demo(), "de", Locale.forLanguageTag("ru")))
                .extracting(Target::name)
                .containsExactly("Ангела Меркель");
        var fallback = letters.recipients(demo(), "NL", Locale.ENGLISH);
        assertThat(fallback)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.country()).isEqualTo("EU"));
        assertThat(fallback).extracting(Target::id).containsExactlyElementsOf(targetsOf(demo(), true));
    }

    java.util.List<Long> targetsOf(long campaignId, boolean fallback) {
        return jdbc.sql("select target_id from campaign_target where campaign_id = ? and fallback = ?"
                        + " order by position, target_id")
                .params(campaignId, fallback)
                .query(Long.class)
                .list();
    }

    @Test
    void afterConfirmingASupporterWritesOnceWithTheirNameAndNothingInClear() {
        Signer greta = new Signer("Greta", "DE").with("lastName", "Briefschreiberin");
        String confirmed = signAndConfirm(greta);
        assertThat(confirmed).contains("Write to your own leader").contains("Angela Merkel");
        String link = letterLink(confirmed);

        var form = get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("Angela Merkel")
                .contains("Greta Briefschreiberin")
                .contains("name=\"subject\"")
                .contains("name=\"agree\"");

        String secret = "Wortlaut-" + UUID.randomUUID().toString().substring(0, 8);
        var unticked = post(link, letter("My subject", "Dear Chancellor, " + secret, false));
        assertThat(unticked.statusCode()).isEqualTo(422);
        assertThat(unticked.body())
                .contains("id=\"agree-error\"")
                .contains(secret)
                .contains("value=\"My subject\"");

        var tooLong = post(link, letter("My subject", secret + "x".repeat(5001), true));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body())
                .contains("id=\"text-error\"")
                .contains("At most 5,000 characters")
                .contains(secret);

        var control = post(link, letter("Sub\u0007ject", "Dear\u001b " + secret, true));
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(control.body()).contains("id=\"text-error\"").contains("id=\"subject-error\"");
        assertThat(queued(greta)).as("nothing queued yet").isZero();

        var sent = post(link, letter("My subject", "Dear Chancellor,\r\n\r\n" + secret, true));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).hasValue(link);
        var after = get(link);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Your letter is on its way").doesNotContain("name=\"text\"");

        assertThat(post(link, letter("Again", "Again " + secret, true)).statusCode())
                .isEqualTo(303);
        assertThat(queued(greta)).as("one letter per supporter and target").isEqualTo(1);
        String again = get(link(greta)).body();
        assertThat(again)
                .as("a fresh link of the same supporter sends nothing more")
                .contains("Your letter is on its way");

        assertThat(LetterFixtures.storedInClear(jdbc, "Briefschreiberin")).isFalse();
        assertThat(LetterFixtures.storedInClear(jdbc, secret)).isFalse();
        assertThat(LetterFixtures.storedInClear(jdbc, greta.email)).isFalse();
    }

    /** Letters of this signer (found through their signature's country and the letter's creation). */
    long queued(Signer signer) {
        return jdbc.sql("select count(*) from letter l join signature s on s.id = l.signature_id"
                        + " where s.email_mac = ?")
                .param(mac(signer))
                .query(Long.class)
                .single();
    }

    @Autowired
    org.keephope.privacy.Fingerprints fingerprints;

    byte[] mac(Signer signer) {
        return fingerprints.of(EMAIL_MAC, org.keephope.privacy.EmailAddress.canonical(signer.email));
    }

    String link(Signer signer) {
        UUID id = jdbc.sql("select id from signature where email_mac = ?")
                .param(mac(signer))
                .query(UUID.class)
                .single();
        return letters.link(id);
    }

    static String letterLink(String page) {
        return LetterFixtures.letterLink(page);
    }

    @Test
    void anUnknownExpiredOrErasedLinkGetsAFriendlyPage() {
        var unknown = get("/letters/not-a-token");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This letter link does not work").doesNotContain("Exception");
        assertThat(get("/letters/" + "A".repeat(300)).statusCode()).isEqualTo(404);

        Signer otto = new Signer("Otto", "DE");
        String link = letterLink(signAndConfirm(otto));
        UUID id = jdbc.sql("select id from signature where email_mac = ?")
                .param(mac(otto))
                .query(UUID.class)
                .single();
        var expired = get("/letters/" + tokens.issue(id, Instant.now().minusSeconds(1)));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This letter link has expired");

        assertThat(post(link, letter("Subject", "Text", true)).statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from letter where signature_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String erase = Signer.link(otto.mails().get(0), "/erase/");
        assertThat(post(erase, Map.of()).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql(
                                "select count(*) from letter where signature_id = ? or (signature_id is null and payload is not null)")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("the letters are erased with the signature")
                .isZero();
        HttpResponse<String> gone = get(link);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("This letter link does not work");
    }
}

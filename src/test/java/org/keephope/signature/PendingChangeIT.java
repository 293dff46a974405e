package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.Campaigns;
import org.keephope.privacy.EmailAddress;
import org.keephope.privacy.Fingerprints;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A form sent again for a pending address changes nothing until the owner of the address confirms it. */
class PendingChangeIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fingerprints fingerprints;

    @Autowired
    Campaigns campaigns;

    @Autowired
    SignatureCounts counts;

    record Row(String status, String country, String publicName, String comment, boolean shown, boolean informed) {}

    Row row(Signer signer) {
        return jdbc.sql("select status, country, public_name, comment, show_publicly, keep_informed from signature"
                        + " where email_mac = ?")
                .param(fingerprints.of(Signing.EMAIL_MAC, EmailAddress.canonical(signer.email)))
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2).trim(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6)))
                .single();
    }

    /** Signs, then sends the form again for the same address with other choices; both mails. */
    List<MimeMessage> signThenAgain(Signer first, Signer again) {
        assertThat(post(PAGE + "/sign", first.formFrom(get(PAGE).body())).statusCode())
                .isEqualTo(303);
        first.awaitMail();
        Signer.sleep(SigningIT.RESEND_INTERVAL_MILLIS);
        assertThat(post(PAGE + "/sign", again.formFrom(get(PAGE).body())).statusCode())
                .isEqualTo(303);
        return first.awaitMails(2, Duration.ofSeconds(10));
    }

    static Signer sameAddress(Signer signer, String firstName, String country) {
        return new Signer(firstName, country).with("email", signer.email);
    }

    @Test
    void aFormSentAgainChangesNothingUntilItsOwnLinkIsConfirmed() {
        Signer alice = new Signer("Alice", "SE");
        Signer mallory = sameAddress(alice, "Mallory", "RU")
                .with("showPublicly", "on")
                .with("keepInformed", "on")
                .with("comment", "Words Alice never wrote");
        var mails = signThenAgain(alice, mallory);
        String aliceLink = Signer.link(mails.get(0), "/confirm/");
        String malloryLink = Signer.link(mails.get(1), "/confirm/");

        assertThat(row(alice)).isEqualTo(new Row("PENDING", "SE", null, null, false, false));
        StoredText stored = new StoredText(jdbc);
        assertThat(stored.contains("Words Alice never wrote"))
                .as("the waiting comment, in clear")
                .isFalse();
        assertThat(stored.contains("Mallory")).as("the waiting name, in clear").isFalse();

        String malloryPage = get(malloryLink).body();
        assertThat(malloryPage)
                .contains("What you are confirming")
                .contains("Mallory Tester")
                .contains("Russia")
                .contains("Yes, as \u201cMallory\u201d")
                .contains("Words Alice never wrote")
                .contains("Not what you sent?");
        assertThat(get(aliceLink).body())
                .contains("Alice Tester")
                .contains("Sweden")
                .doesNotContain("Words Alice never wrote");

        assertThat(post(aliceLink, Map.of()).statusCode()).isEqualTo(303);
        assertThat(row(alice))
                .as("confirmed as Alice sent it")
                .isEqualTo(new Row("CONFIRMED", "SE", null, null, false, false));
        assertThat(post(malloryLink, Map.of()).statusCode()).isEqualTo(303);
        assertThat(row(alice))
                .as("the other link changes nothing afterwards")
                .isEqualTo(new Row("CONFIRMED", "SE", null, null, false, false));
        assertThat(get(malloryLink).body())
                .contains("Thank you, your signature counts")
                .contains("Alice Tester");
    }

    @Test
    void theOwnerConfirmsTheNewChoicesWithTheNewLink() {
        Signer bea = new Signer("Bea", "SE");
        Signer changed =
                sameAddress(bea, "Beatrix", "NO").with("showPublicly", "on").with("comment", "Changed my mind");
        var mails = signThenAgain(bea, changed);
        long campaign = campaigns.ref("keep-hope-alive").orElseThrow().id();
        long norway = counts.exactByCountry(campaign).getOrDefault("NO", 0L);

        assertThat(post(Signer.link(mails.get(1), "/confirm/"), Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(row(bea)).isEqualTo(new Row("CONFIRMED", "NO", "Beatrix", "Changed my mind", true, false));
        assertThat(counts.exactByCountry(campaign).get("NO"))
                .as("counted where the change says")
                .isEqualTo(norway + 1);
        assertThat(get(Signer.link(mails.get(0), "/confirm/")).body()).contains("Thank you, your signature counts");
    }

    @Test
    void anExpiredLinkOfAChangeIsRenewedAsThatChange() {
        Signer cleo = new Signer("Cleo", "SE");
        Signer changed = sameAddress(cleo, "Cleopatra", "EG").with("comment", "Renewed");
        var mails = signThenAgain(cleo, changed);
        String changeLink = Signer.link(mails.get(1), "/confirm/");
        UUID id = jdbc.sql("select id from signature where email_mac = ?")
                .param(fingerprints.of(Signing.EMAIL_MAC, EmailAddress.canonical(cleo.email)))
                .query(UUID.class)
                .single();
        jdbc.sql("update signature set change_expires_at = ?, last_mail_at = ? where id = ?")
                .params(OffsetDateTime.now().minusDays(1), OffsetDateTime.now().minusDays(8), id)
                .update();
        assertThat(get(changeLink).body()).contains("This link has expired").contains("Cleopatra");
        assertThat(post(changeLink + "/renew", Map.of()).body()).contains("A new link is on its way");
        var renewed = cleo.awaitMails(3, Duration.ofSeconds(10)).get(2);
        assertThat(Signer.text(renewed)).contains("Cleopatra");

        post(Signer.link(renewed, "/confirm/"), Map.of());
        assertThat(row(cleo)).isEqualTo(new Row("CONFIRMED", "EG", null, "Renewed", false, false));
    }
}

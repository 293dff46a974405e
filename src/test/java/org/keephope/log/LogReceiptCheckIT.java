package org.keephope.log;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.Campaigns;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /campaigns/{slug}/log/verify}: a pasted receipt is checked on the server, in plain words, and every
 * kind of wrong receipt gets its reason, never a 500; the receipt is kept in the form when it is not valid.
 */
class LogReceiptCheckIT extends AbstractIntegrationTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    LogWriter writer;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.keephope.privacy.Fingerprints fingerprints;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    record Signed(String receipt, MimeMessage mail) {}

    Signed signAndConfirm(String slug, Signer signer) {
        String page = "/campaigns/" + slug;
        assertThat(post(page + "/sign", signer.formFrom(get(page).body())).statusCode())
                .isEqualTo(303);
        MimeMessage mail = signer.awaitMail();
        String confirm = Signer.link(mail, "/confirm/");
        assertThat(post(confirm, Map.of()).statusCode()).isEqualTo(303);
        return new Signed(LogVerifierIT.receipt(get(confirm).body()), mail);
    }

    String check(String slug, String receipt) {
        var answer = post("/campaigns/" + slug + "/log/verify", Map.of("receipt", receipt));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        return answer.body();
    }

    @Test
    void aSavedReceiptIsValidAndEveryChangedOneSaysWhy() {
        String slug = LogFixtures.liveCampaign(campaigns);
        String other = LogFixtures.liveCampaign(campaigns);
        Signed ann = signAndConfirm(slug, new Signer("Ann", "SE"));
        Signer boSigner = new Signer("Bo", "DE");
        Signed bo = signAndConfirm(slug, boSigner);

        var form = get("/campaigns/" + slug + "/log/verify");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Check your receipt").contains("name=\"receipt\"");
        assertThat(get("/campaigns/" + slug + "/log/verify?lang=ru").body()).contains("Проверьте свою квитанцию");
        assertThat(get("/campaigns/" + slug + "/log").body()).contains("/campaigns/" + slug + "/log/verify");

        assertThat(check(slug, ann.receipt()))
                .contains("The receipt is valid")
                .contains("Your signature is line 0 of the log")
                .contains("(size 1)");
        assertThat(check(slug, ann.receipt().replace("\n", "\r\n")))
                .as("as a browser posts a textarea")
                .contains("The receipt is valid");

        // the salt changed by one character: another commitment, so the proof leads elsewhere
        String salt = ann.receipt()
                .lines()
                .filter(l -> l.startsWith("salt "))
                .findFirst()
                .orElseThrow();
        char c = salt.charAt(6);
        String changed = ann.receipt().replace(salt, salt.substring(0, 6) + (c == 'A' ? 'B' : 'A') + salt.substring(7));
        String answer = check(slug, changed);
        assertThat(answer)
                .contains("The receipt is not valid")
                .contains("The proof does not lead from line 0")
                .as("the pasted receipt stays in the form")
                .contains(salt.substring(0, 6) + (c == 'A' ? 'B' : 'A'));
        assertThat(check(slug, ann.receipt().replace("country SE", "country NO")))
                .contains("The proof does not lead");

        // a forged signature on the head, a receipt of another campaign, not a receipt at all
        String[] lines = ann.receipt().split("\n");
        String signature = lines[lines.length - 1];
        String forged =
                signature.substring(0, signature.length() - 6) + (signature.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
        assertThat(check(slug, ann.receipt().replace(signature, forged))).contains("is not signed with this campaign");
        assertThat(check(other, ann.receipt())).contains("This campaign has no public log yet.");
        signAndConfirm(other, new Signer("Cy", "FR"));
        assertThat(check(other, ann.receipt())).contains("This receipt is for another log");
        assertThat(check(slug, "hello")).contains("This is not a receipt as KeepHope writes them");
        assertThat(check(slug, "")).contains("Paste a receipt first.");
        assertThat(check(slug, "x".repeat(20_000))).contains("This is far longer than a receipt");
        assertThat(post("/campaigns/" + slug + "/log/verify", Map.of("receipt", "x".repeat(70_000)))
                        .statusCode())
                .as("past the limit of every public form")
                .isEqualTo(413);
        assertThat(check(slug, ann.receipt().replace("index 0", "index 99999999999999999999")))
                .contains("This is not a receipt");

        // erased by the signer: the tally stays counted, so the line stays and the receipt stays valid
        String erase = Signer.link(ann.mail(), "/erase/");
        assertThat(post(erase, Map.of()).statusCode()).isEqualTo(200);
        assertThat(check(slug, ann.receipt())).contains("The receipt is valid");

        // a signature that no longer counts gets a withdrawal line: the receipt says so
        long campaignId = campaigns.ref(slug).orElseThrow().id();
        UUID boId = jdbc.sql("select id from signature where email_mac = ?")
                .param(fingerprints.of("signature.email", org.keephope.privacy.EmailAddress.canonical(boSigner.email)))
                .query(UUID.class)
                .single();
        transaction.executeWithoutResult(status -> writer.erased(boId, campaignId, false));
        writer.integrateNow(campaignId);
        assertThat(check(slug, bo.receipt())).contains("Line 1 is in the log, but it was withdrawn since");
        assertThat(check(slug, ann.receipt())).contains("The receipt is valid");

        assertThat(get("/campaigns/no-such-campaign/log/verify").statusCode()).isEqualTo(404);
        assertThat(post("/campaigns/no-such-campaign/log/verify", Map.of("receipt", "x"))
                        .statusCode())
                .isEqualTo(404);
    }
}

package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.Campaigns;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SigningIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";

    /** keephope.signing.resend-interval in the tests, and a little more. */
    static final long RESEND_INTERVAL_MILLIS = 4100;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    HttpResponse<String> sign(Signer signer, String... headers) {
        return post(PAGE + "/sign", signer.formFrom(get(PAGE).body()), headers);
    }

    long count() {
        String json = get("/api/campaigns/keep-hope-alive").body();
        var matcher = java.util.regex.Pattern.compile("\"signatures\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    long countAfterFreshness() {
        Signer.sleep(1100);
        return count();
    }

    @Test
    void signConfirmByEmailAndTheCountGoesUpOnce() throws Exception {
        long before = countAfterFreshness();
        Signer anna = new Signer("Anna", "SE");

        var answer = sign(anna);
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).contains(PAGE + "/check-email");
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(get(PAGE + "/check-email").body()).contains("Check your email");

        MimeMessage mail = anna.awaitMail();
        assertThat(mail.getSubject()).startsWith("Please confirm your signature");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<http://keephope.test/erase/");
        String confirm = Signer.link(mail, "/confirm/");
        assertThat(Signer.link(mail, "/erase/")).startsWith("/erase/");
        assertThat(Signer.html(mail)).contains("href=\"http://keephope.test" + confirm + "\"");

        // opening the link (as a mail scanner does) confirms nothing
        var page = get(confirm);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm your signature").contains("method=\"post\"");
        assertThat(countAfterFreshness()).isEqualTo(before);

        var confirmed = post(confirm, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(get(confirm).body()).contains("Thank you, your signature counts");
        assertThat(count()).as("fresh at once on the confirming node").isEqualTo(before + 1);

        assertThat(post(confirm, Map.of()).statusCode()).isEqualTo(303);
        assertThat(countAfterFreshness()).as("confirming twice counts once").isEqualTo(before + 1);
        assertThat(get("/api/campaigns/keep-hope-alive").body()).contains("\"otherCountries\":");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressSignedBefore() throws Exception {
        Signer bob = new Signer("Bob", "DE");
        var first = sign(bob);
        bob.awaitMail();
        var second = sign(bob);
        assertThat(second.statusCode()).isEqualTo(first.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(second.body()).isEqualTo(first.body());
        Signer.sleep(700);
        assertThat(bob.mails())
                .as("a repeat within the resend interval sends nothing")
                .hasSize(1);

        Signer.sleep(RESEND_INTERVAL_MILLIS);
        sign(bob);
        var mails = bob.awaitMails(2, Duration.ofSeconds(10));
        assertThat(mails.get(1).getSubject()).startsWith("Please confirm your signature");
        post(Signer.link(mails.get(1), "/confirm/"), Map.of());
        assertThat(get(Signer.link(mails.get(0), "/confirm/")).body())
                .as("the older link now says the signature counts (PendingChangeIT has the rest)")
                .contains("Thank you, your signature counts");

        Signer.sleep(RESEND_INTERVAL_MILLIS);
        assertThat(sign(bob).headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        var all = bob.awaitMails(3, Duration.ofSeconds(10));
        assertThat(all.get(2).getSubject()).startsWith("You have already signed");
        assertThat(jdbc.sql("select count(*) from signature where email_mac is not null and id in "
                                + "(select id from signature where confirmed_at is not null)")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void canonicalEmailsAreOnePerson() {
        // other tests of this context sign from FR too: count what this test adds
        long before = jdbc.sql("select count(*) from signature where public_name is null and country = 'FR'")
                .query(Long.class)
                .single();
        Signer carl = new Signer("Carl", "FR").with("email", "Carl.Smith+petition@GMail.com");
        assertThat(sign(carl).statusCode()).isEqualTo(303);
        Signer same = new Signer("Carl", "FR").with("email", "carlsmith@googlemail.com");
        assertThat(sign(same).statusCode()).isEqualTo(303);
        long rows = jdbc.sql("select count(*) from signature where public_name is null and country = 'FR'")
                .query(Long.class)
                .single();
        assertThat(rows - before).isEqualTo(1);
    }

    @Test
    void badInputComesBackWithErrorsBesideTheFieldsAndValuesKept() {
        Signer bad =
                new Signer("<b>Dora</b>", "XX").with("email", "not-an-email").with("lastName", "");
        var answer = sign(bad);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains("id=\"email-error\"")
                .contains("Please enter an email address")
                .contains("id=\"lastName-error\"")
                .contains("id=\"country-error\"")
                .contains("value=\"&lt;b>Dora&lt;/b>\"")
                .contains("value=\"not-an-email\"")
                .doesNotContain("<b>Dora</b>");

        var tooLong = sign(new Signer("E", "SE").with("comment", "x".repeat(501)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("id=\"comment-error\"").contains("x".repeat(501));

        var control = sign(new Signer("Eve\u0007", "SE"));
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(control.body()).contains("id=\"firstName-error\"");

        var missing = post(PAGE + "/sign", Map.of());
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("id=\"firstName-error\"");
    }

    @Test
    void russianSignersGetRussianPagesAndMails() throws Exception {
        Signer olga = new Signer("Ольга", "RU");
        var page = get(PAGE + "?lang=ru").body();
        assertThat(page).contains("Подписать").contains(">Россия<");
        var answer = post(PAGE + "/sign", olga.formFrom(page), "Cookie", "lang=ru");
        assertThat(answer.statusCode()).isEqualTo(303);
        MimeMessage mail = olga.awaitMail();
        assertThat(mail.getSubject()).startsWith("Подтвердите подпись");
        assertThat(Signer.text(mail)).contains("Здравствуйте, Ольга!").contains("Удалить мои данные");
    }

    @Test
    void noEmailAddressOrIpAddressIsStoredInClear() {
        Signer quiet = new Signer("Quentin", "NL").with("comment", "For freedom of association");
        assertThat(sign(quiet).statusCode()).isEqualTo(303);
        quiet.awaitMail();
        StoredText stored = new StoredText(jdbc);
        assertThat(stored.contains(quiet.email)).as("email in clear somewhere").isFalse();
        assertThat(stored.contains("Tester")).as("last name in clear somewhere").isFalse();
        assertThat(stored.contains("127.0.0.1")).as("an IP address").isFalse();
        assertThat(stored.contains("0:0:0:0:0:0:0:1")).as("an IPv6 address").isFalse();
    }

    @Test
    void erasingKeepsOnlyAnAnonymousTally() throws Exception {
        Signer fay = new Signer("Fay", "NO").with("showPublicly", "on").with("comment", "Hope");
        sign(fay);
        MimeMessage mail = fay.awaitMail();
        post(Signer.link(mail, "/confirm/"), Map.of());
        long counted = countAfterFreshness();
        assertThat(get(PAGE + "/signers").body()).contains("Fay");

        String erase = Signer.link(mail, "/erase/");
        var ask = get(erase);
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Erase your data").contains("method=\"post\"");
        long talliesBefore = anonymousTallies("NO");
        var erased = post(erase, Map.of());
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.body()).contains("Your data is erased");
        assertThat(get(erase).statusCode()).isEqualTo(404);

        assertThat(countAfterFreshness()).as("the count stays honest").isEqualTo(counted);
        assertThat(get(PAGE + "/signers").body()).doesNotContain("Fay");
        assertThat(anonymousTallies("NO")).as("one more anonymous tally").isEqualTo(talliesBefore + 1);
    }

    /** Erased signatures of a country: other tests in the same database erase some too. */
    long anonymousTallies(String country) {
        return jdbc.sql("select count(*) from signature where country = ? and email_enc is null and name_enc is null"
                        + " and email_mac is null and comment is null and public_name is null and status = 'CONFIRMED'")
                .param(country)
                .query(Long.class)
                .single();
    }

    @Test
    void anExpiredLinkOffersANewOne() throws Exception {
        Signer gus = new Signer("Gus", "IT");
        sign(gus);
        String confirm = Signer.link(gus.awaitMail(), "/confirm/");
        jdbc.sql(
                        "update signature set confirm_expires_at = ?, last_mail_at = ? where country = 'IT' and status = 'PENDING'")
                .params(
                        java.time.OffsetDateTime.now().minusDays(1),
                        java.time.OffsetDateTime.now().minusDays(8))
                .update();
        var page = get(confirm);
        assertThat(page.body()).contains("This link has expired").contains("/renew");
        assertThat(post(confirm, Map.of()).statusCode()).isEqualTo(303);
        assertThat(get(confirm).body()).as("an expired link does not confirm").contains("This link has expired");
        assertThat(post(confirm + "/renew", Map.of()).body()).contains("A new link is on its way");
        var mails = gus.awaitMails(2, Duration.ofSeconds(10));
        String fresh = Signer.link(mails.get(1), "/confirm/");
        assertThat(fresh).isNotEqualTo(confirm);
        post(fresh, Map.of());
        assertThat(get(fresh).body()).contains("Thank you, your signature counts");
    }

    @Test
    void thePublicListShowsOnlyConsentingConfirmedSignersEscaped() throws Exception {
        Signer shown = new Signer("<i>Hana</i>", "JP").with("showPublicly", "on");
        Signer hidden = new Signer("Hidden", "JP");
        for (Signer s : new Signer[] {shown, hidden}) {
            sign(s);
            post(Signer.link(s.awaitMail(), "/confirm/"), Map.of());
        }
        String list = get(PAGE + "/signers").body();
        assertThat(list)
                .contains("&lt;i&gt;Hana&lt;/i&gt;")
                .contains("Japan")
                .doesNotContain("Hidden")
                .doesNotContain("<i>Hana");
        assertThat(get(PAGE + "/signers?lang=ru").body()).contains("Япония");
    }

    @Test
    void theCountApiAnswersJsonAndProblemJson() {
        var ok = get("/api/campaigns/keep-hope-alive");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(ok.body())
                .contains("\"slug\":\"keep-hope-alive\"")
                .contains("\"goal\":10000")
                .contains("\"byCountry\":{");
        var missing = get("/api/campaigns/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(missing.body()).contains("\"status\":404");
    }
}

package org.keephope.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.Campaigns;
import org.keephope.privacy.PersonalData;
import org.keephope.signature.SignerLinks;
import org.keephope.support.AbstractStaffTest;
import org.keephope.support.Screens;
import org.keephope.support.Signer;
import org.keephope.support.TestMail;
import org.keephope.target.Targets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Responses: published under the target, mailed once through the outbox to the supporters who asked to be kept
 * informed, in the campaign's letters mode. This application runs with {@code keephope.letters.mode=send}, so the
 * campaign's own mode decides: its default (a dry run) mails one sample to the test address and no supporter.
 */
@TestPropertySource(properties = "keephope.letters.mode=send")
class ResponseIT extends AbstractStaffTest {

    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");

    @Autowired
    Campaigns campaigns;

    @Autowired
    Targets targets;

    @Autowired
    SignerLinks links;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData crypto;

    DeliveryFixtures fixtures;
    DeliveryFixtures.Campaign campaign;
    String run;

    @BeforeEach
    void campaignWithSupporters() {
        fixtures = new DeliveryFixtures(campaigns, targets, links, jdbc);
        campaign = fixtures.campaign();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A confirmed supporter with an address; {@code informed}: ticked "keep me informed". */
    String supporter(String name, String locale, boolean informed) {
        UUID id = fixtures.confirm(campaign.id(), "DE", null, null);
        String email = name.toLowerCase(java.util.Locale.ROOT) + "-" + run + "@example.org";
        jdbc.sql("update signature set email_enc = ?, name_enc = ?, keep_informed = ?, locale = ? where id = ?")
                .params(
                        crypto.encrypt(email, "signature.email"),
                        crypto.encrypt(name + "\nTester", "signature.name"),
                        informed,
                        locale,
                        id)
                .update();
        return email;
    }

    MockHttpServletResponse respond(String target, String on, String summary, String link, String language)
            throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/admin/campaigns/" + campaign.slug() + "/delivery/responses")
                        .param("target", target)
                        .param("respondedOn", on)
                        .param("summary", summary)
                        .param("link", link)
                        .param("language", language)
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    void mode(String mode) throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/admin/campaigns/" + campaign.slug() + "/letters")
                                .param("mode", mode)
                                .with(EDITOR)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
    }

    static List<MimeMessage> to(String address) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a instanceof jakarta.mail.internet.InternetAddress to
                                        && to.getAddress().equals(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    static List<MimeMessage> await(String address, int count) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> to(address).size() >= count);
        return to(address);
    }

    String mailing(long campaignId) {
        return jdbc.sql("""
                        select m.mode || ' ' || m.mailed from response_mailing m
                          join target_response r on r.id = m.response_id
                         where r.campaign_id = ? and m.done_at is not null order by r.id desc limit 1
                        """).param(campaignId).query(String.class).optional().orElse("");
    }

    @Test
    void aResponseIsPublishedUnderItsTargetAndMailedOnceToEachSupporterWhoAskedToBeKeptInformed() throws Exception {
        String anna = supporter("Anna", "en", true);
        String boris = supporter("Boris", "ru", true);
        String carl = supporter("Carl", "en", false);
        mode("send");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var saved = respond(
                "" + campaign.germany(),
                today,
                "The Chancellor will raise the NGO law with the host " + run + ".",
                "https://bundesregierung.example/statement",
                "en");
        assertThat(saved.getStatus()).isEqualTo(303);

        String page = mvc.perform(MockMvcRequestBuilders.get("/campaigns/" + campaign.slug()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Angela Merkel responded on")
                .contains("The Chancellor will raise the NGO law with the host " + run)
                .contains("href=\"https://bundesregierung.example/statement\" rel=\"noopener noreferrer nofollow\"");
        String ru = mvc.perform(MockMvcRequestBuilders.get("/campaigns/" + campaign.slug() + "?lang=ru"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ru).contains("Ангела Меркель ответил(а)");
        Screens.save("campaign-response-en", page);
        Screens.save("campaign-response-ru", ru);

        List<MimeMessage> toAnna = await(anna, 1);
        List<MimeMessage> toBoris = await(boris, 1);
        assertThat(toAnna).hasSize(1);
        assertThat(toAnna.get(0).getSubject()).contains("Angela Merkel responded to");
        assertThat(Signer.text(toAnna.get(0)))
                .contains("Dear Anna")
                .contains("with the host " + run)
                .contains("/campaigns/" + campaign.slug());
        assertThat(toBoris).hasSize(1);
        assertThat(toBoris.get(0).getSubject()).contains("Ангела Меркель ответил(а)");
        Instant until = Instant.now().plusSeconds(20);
        while (mailing(campaign.id()).isEmpty() && Instant.now().isBefore(until)) {
            Signer.sleep(100);
        }
        assertThat(mailing(campaign.id())).isEqualTo("send 2");
        Signer.sleep(6000); // another round of every node's mailer: nobody gets it twice
        assertThat(to(anna)).hasSize(1);
        assertThat(to(boris)).hasSize(1);
        assertThat(to(carl)).as("did not ask to be kept informed").isEmpty();

        // the link in the mail stops them: a page with a button, only the POST stops
        String stop = Signer.link(toAnna.get(0), "/updates/stop/");
        assertThat(toAnna.get(0).getHeader("List-Unsubscribe")[0]).contains("/updates/stop/");
        var ask = get(stop);
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Stop the updates");
        Screens.save("stop-updates-en", ask.body());
        Screens.save("stop-updates-ru", get(stop + "?lang=ru").body());
        assertThat(post(stop, java.util.Map.of()).body()).contains("You will get no more updates");
        assertThat(get(stop).body()).contains("You will get no more updates");
        assertThat(get("/updates/stop/not-a-token").statusCode()).isEqualTo(404);
        assertThat(respond("" + campaign.france(), today, "Second answer " + run + ".", "", "en")
                        .getStatus())
                .isEqualTo(303);
        assertThat(await(boris, 2)).hasSize(2);
        Signer.sleep(6000);
        assertThat(to(anna)).as("stopped: no second mail").hasSize(1);

        for (String lang : List.of("en", "ru")) {
            Screens.save(
                    "delivery-admin-" + lang,
                    mvc.perform(MockMvcRequestBuilders.get(
                                            "/admin/campaigns/" + campaign.slug() + "/delivery?lang=" + lang)
                                    .with(EDITOR))
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
        }
    }

    @Test
    void inADryRunOneMarkedSampleGoesToTheTestAddressAndNoSupporter() throws Exception {
        String dora = supporter("Dora", "en", true);
        supporter("Emil", "en", true);
        long before = to("no-reply@localhost").size();
        var saved = respond("" + campaign.france(), "2026-09-06", "Noted " + run + ".", "", "en");
        assertThat(saved.getStatus()).isEqualTo(303);
        Instant until = Instant.now().plusSeconds(30);
        while (mailing(campaign.id()).isEmpty() && Instant.now().isBefore(until)) {
            Signer.sleep(100);
        }
        assertThat(mailing(campaign.id())).isEqualTo("dry-run 1");
        Instant seen = Instant.now().plusSeconds(20);
        List<MimeMessage> samples = List.of();
        while (Instant.now().isBefore(seen)) {
            samples = to("no-reply@localhost").stream()
                    .filter(m -> Signer.text(m).contains("Noted " + run))
                    .toList();
            if (!samples.isEmpty()) {
                break;
            }
            Signer.sleep(100);
        }
        assertThat(samples).hasSize(1);
        assertThat(samples.get(0).getSubject()).startsWith("[DRY RUN] François Hollande responded to");
        assertThat(Signer.text(samples.get(0))).contains("it would go to 2 supporters");
        assertThat(to("no-reply@localhost").size()).isGreaterThan((int) before);
        assertThat(to(dora)).as("a dry run mails no supporter").isEmpty();
    }

    @Test
    void badInputComesBackWithTheErrorBesideEachFieldAndTheValuesKept() throws Exception {
        var bad = respond("42424242", "soon", "Bad\u0007text", "javascript:alert(1)", "de");
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString())
                .contains("id=\"response-target-error\"")
                .contains("id=\"respondedOn-error\"")
                .contains("id=\"summary-error\"")
                .contains("id=\"link-error\"")
                .contains("value=\"soon\"")
                .doesNotContain("href=\"javascript:");
        var tooLong = respond("" + campaign.germany(), "2026-09-06", "x".repeat(2001), "", "en");
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.getContentAsString()).contains("id=\"summary-error\"");
        var ahead = respond(
                "" + campaign.germany(),
                LocalDate.now(ZoneOffset.UTC).plusDays(3).toString(),
                "From the future",
                "",
                "en");
        assertThat(ahead.getStatus()).isEqualTo(422);
        assertThat(ahead.getContentAsString())
                .contains("id=\"respondedOn-error\"")
                .contains("From the future");
        assertThat(jdbc.sql("select count(*) from target_response where campaign_id = ?")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}

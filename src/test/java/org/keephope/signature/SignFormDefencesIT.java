package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign form's defences: origin checks, lifecycle, body size, honeypot, form stamp, rate limits. */
class SignFormDefencesIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    HttpResponse<String> sign(Signer signer, String... headers) {
        return post(PAGE + "/sign", signer.formFrom(get(PAGE).body()), headers);
    }

    @Test
    void crossSitePostsAreRefused() {
        Signer mallory = new Signer("Mallory", "SE");
        String page = get(PAGE).body();
        assertThat(post(PAGE + "/sign", mallory.formFrom(page), "Origin", "https://evil.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(
                                PAGE + "/sign",
                                mallory.formFrom(page),
                                "Sec-Fetch-Site",
                                "cross-site",
                                "Origin",
                                "https://evil.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(PAGE + "/sign", mallory.formFrom(page), "Origin", "http://keephope.test")
                        .statusCode())
                .isEqualTo(303);
        assertThat(post(PAGE + "/sign", new Signer("Sam", "SE").formFrom(page), "Sec-Fetch-Site", "same-origin")
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void aCampaignThatIsNotLiveSaysSoWith409() {
        long id = campaigns.create(new NewCampaign(
                "closed-campaign",
                CampaignStatus.CLOSED,
                "en",
                "Closed",
                "It ended",
                "Body",
                null,
                null,
                new Event("Summit", "Here", LocalDate.of(2012, 1, 1), null),
                null,
                100,
                null));
        assertThat(id).isPositive();
        String page = get("/campaigns/closed-campaign").body();
        assertThat(page)
                .contains("not collecting signatures")
                .doesNotContain("action=\"/campaigns/closed-campaign/sign\"");
        var answer = post(
                "/campaigns/closed-campaign/sign",
                new Signer("Zoe", "SE").formFrom(get(PAGE).body()));
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("not collecting signatures");
        assertThat(post("/campaigns/no-such/sign", new Signer("Zoe", "SE").form).statusCode())
                .isEqualTo(404);
    }

    @Test
    void overLargeBodiesGet413() {
        var answer = post(PAGE + "/sign", Map.of("comment", "y".repeat(70_000)));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("Too much data");
    }

    @Test
    void theHoneypotStoresNothing() {
        long rows = jdbc.sql("select count(*) from signature").query(Long.class).single();
        Signer bot = new Signer("Bot", "SE").with("website", "http://spam.example");
        assertThat(sign(bot).statusCode()).isEqualTo(303);
        Signer.sleep(500);
        assertThat(jdbc.sql("select count(*) from signature").query(Long.class).single())
                .isEqualTo(rows);
        assertThat(bot.mails()).isEmpty();
    }

    @Test
    void aStaleOrForgedStampShowsTheFormAgainWithValuesKept() {
        Signer late = new Signer("Lena", "SE");
        var form = late.formFrom(get(PAGE).body());
        form.put("stamp", "1000000000.AAAAAAAAAAAAAAAAAAAAAA");
        var answer = post(PAGE + "/sign", form);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("press Sign once more").contains("value=\"" + late.email + "\"");
    }

    @Test
    void tooManyRequestsForOneAddressGet429() {
        Signer eager = new Signer("Eager", "SE");
        int limited = 0;
        for (int i = 0; i < 7; i++) {
            if (sign(eager).statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(2);
        var answer = sign(eager);
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.body()).contains("Too many requests");
    }
}

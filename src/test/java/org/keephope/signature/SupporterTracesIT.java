package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.support.AbstractIntegrationTest;
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

    /** A live campaign of its own, so a test can count what it did there alone. */
    String liveCampaign() {
        String slug = "traces-" + UUID.randomUUID().toString().substring(0, 8);
        campaigns.create(new NewCampaign(
                slug,
                CampaignStatus.LIVE,
                "en",
                "Traces " + slug,
                "A campaign for one test",
                "Body",
                null,
                null,
                new Event("Summit", "Here", LocalDate.of(2030, 1, 1), null),
                null,
                100,
                null));
        return "/campaigns/" + slug;
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

package org.keephope.signature;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;

/** Live campaigns of a test's own, so that it can count what it did there alone. */
final class TestCampaigns {

    private TestCampaigns() {}

    /** Makes a live campaign; returns its page's path. */
    static String live(Campaigns campaigns, Instant deadline) {
        String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
        campaigns.create(new NewCampaign(
                slug,
                CampaignStatus.LIVE,
                "en",
                "Test " + slug,
                "A campaign for one test",
                "Body",
                null,
                null,
                new Event("Summit", "Here", LocalDate.of(2030, 1, 1), null),
                deadline,
                100,
                null));
        return "/campaigns/" + slug;
    }

    static String slug(String page) {
        return page.substring("/campaigns/".length());
    }
}

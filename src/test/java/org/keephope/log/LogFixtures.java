package org.keephope.log;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;

/** A live campaign of a test's own, so that its log holds only what that test did. */
final class LogFixtures {

    private LogFixtures() {}

    /** Makes a live campaign; returns its slug. */
    static String liveCampaign(Campaigns campaigns) {
        String slug = "log-" + UUID.randomUUID().toString().substring(0, 8);
        campaigns.create(new NewCampaign(
                slug,
                CampaignStatus.LIVE,
                "en",
                "Log test " + slug,
                "A campaign for one test",
                "Body",
                null,
                null,
                new Event("Summit", "Here", LocalDate.of(2030, 1, 1), null),
                Instant.now().plusSeconds(86_400),
                100,
                null));
        return slug;
    }
}

package org.keephope.signature;

import org.keephope.campaign.Campaigns;
import org.springframework.context.ApplicationContext;

/** {@link TestCampaigns} for tests of other packages. */
public final class TestCampaignsAccess {

    private TestCampaignsAccess() {}

    /** A live campaign of the test's own, without partners; returns its slug. */
    public static String live(ApplicationContext context) {
        return TestCampaigns.slug(TestCampaigns.live(context.getBean(Campaigns.class), null));
    }
}

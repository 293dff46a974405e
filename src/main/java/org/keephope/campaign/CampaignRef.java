package org.keephope.campaign;

import java.time.Instant;

/** What other modules need to know of a campaign: its identity, lifecycle, deadline and goal. */
public record CampaignRef(long id, String slug, CampaignStatus status, Instant deadline, Integer signatureGoal) {

    public boolean takesSignatures(Instant now) {
        return status.takesSignatures(deadline, now);
    }
}

package org.keephope.campaign;

import java.time.Instant;

/** draft → live → closed → delivered. Only a live campaign takes signatures; a draft is not public. */
public enum CampaignStatus {
    DRAFT,
    LIVE,
    CLOSED,
    DELIVERED;

    public boolean isPublic() {
        return this != DRAFT;
    }

    /** Live, and its deadline (if any) not reached: the one rule for signing, letters and the API's flag. */
    public boolean takesSignatures(Instant deadline, Instant now) {
        return this == LIVE && (deadline == null || now.isBefore(deadline));
    }

    /** Closed or delivered: it takes no more signatures, ever (the lifecycle only moves on). */
    public boolean hasClosed() {
        return this == CLOSED || this == DELIVERED;
    }
}

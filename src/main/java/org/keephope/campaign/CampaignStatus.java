package org.keephope.campaign;

/** draft → live → closed → delivered. Only a live campaign takes signatures; a draft is not public. */
public enum CampaignStatus {
    DRAFT,
    LIVE,
    CLOSED,
    DELIVERED;

    public boolean isPublic() {
        return this != DRAFT;
    }

    /** Closed or delivered: it takes no more signatures, ever (the lifecycle only moves on). */
    public boolean hasClosed() {
        return this == CLOSED || this == DELIVERED;
    }
}

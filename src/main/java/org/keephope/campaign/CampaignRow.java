package org.keephope.campaign;

import java.time.Instant;

/** A campaign row with the reader's translation already applied. */
record CampaignRow(
        long id,
        String slug,
        CampaignStatus status,
        String lang,
        String title,
        String summary,
        String body,
        String image,
        String imageAlt,
        Event event,
        Instant deadline,
        Integer signatureGoal,
        PressContact press,
        Instant updatedAt) {}

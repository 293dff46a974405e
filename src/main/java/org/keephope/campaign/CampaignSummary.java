package org.keephope.campaign;

import java.time.Instant;

/** A campaign in a list: enough for a card on the home page or a sitemap entry. */
public record CampaignSummary(
        long id,
        String slug,
        CampaignStatus status,
        String title,
        String summary,
        String image,
        Event event,
        Instant updatedAt) {}

package org.keephope.news;

import java.time.Instant;
import java.util.List;
import org.keephope.campaign.CampaignSummary;

/** A published post in the reader's language where translated; {@code bodyHtml} is sanitised. */
public record PostView(
        long id,
        String slug,
        String lang,
        String title,
        String excerpt,
        String bodyHtml,
        Instant publishedAt,
        Instant updatedAt,
        CampaignSummary campaign,
        PressContact press,
        List<Term> categories,
        List<Term> regions) {

    /** When the post last changed: its edit, or its publication when it was not edited since. */
    public Instant lastChanged() {
        return updatedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }
}

package org.keephope.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as a reader sees it, in the reader's language where a translation exists (else the
 * original). {@code bodyHtml} is sanitised HTML.
 */
public record CampaignView(
        long id,
        String slug,
        CampaignStatus status,
        String lang,
        String title,
        String summary,
        String bodyHtml,
        String image,
        String imageAlt,
        Event event,
        Instant deadline,
        Integer signatureGoal,
        PressContact press,
        List<Member> members,
        Instant updatedAt) {

    public boolean takesSignatures(Instant now) {
        return status.takesSignatures(deadline, now);
    }
}

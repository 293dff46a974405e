package org.keephope.target;

/** One row of a campaign's targets screen as staff left it (the values kept when the form comes back). */
public record CampaignTargetLine(
        long id,
        String name,
        String title,
        String country,
        boolean active,
        String position,
        String note,
        boolean fallback) {

    static CampaignTargetLine of(CampaignTarget t, String position, String note, boolean fallback) {
        return new CampaignTargetLine(
                t.target().id(),
                t.target().name(),
                t.target().title(),
                t.target().country(),
                t.target().active(),
                position,
                note,
                fallback);
    }
}

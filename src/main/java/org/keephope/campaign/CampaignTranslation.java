package org.keephope.campaign;

/** A campaign's texts in one language, as staff edit them: each empty when not translated. */
public record CampaignTranslation(String title, String summary, String body) {

    public static final CampaignTranslation EMPTY = new CampaignTranslation("", "", "");
}

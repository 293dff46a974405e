package org.keephope.target;

/**
 * A target a campaign addresses: its place in the campaign's order, an optional note, and whether it is one
 * of the campaign's fallback targets (who get the letters of supporters from a country no target is for).
 */
public record CampaignTarget(Target target, int position, String note, boolean fallback) {}

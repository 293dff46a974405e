package org.keephope.site;

import org.keephope.campaign.CampaignSummary;
import org.keephope.signature.Tally;
import org.keephope.stats.Figures.OverTimeFigure;

/**
 * A campaign with its count, as the staff start page lists it, and its signatures over time (null for a
 * campaign without any yet: the page draws no empty charts).
 */
public record CampaignLine(CampaignSummary campaign, Tally tally, OverTimeFigure overTime) {}

package org.keephope.site;

import org.keephope.campaign.CampaignSummary;
import org.keephope.signature.Tally;

/** A campaign with its count, as the staff start page lists it. */
public record CampaignLine(CampaignSummary campaign, Tally tally) {}

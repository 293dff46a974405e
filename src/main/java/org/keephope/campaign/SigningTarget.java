package org.keephope.campaign;

/** A campaign as the sign form's hot path needs it: its reference and its title in the signer's language. */
public record SigningTarget(CampaignRef ref, String title) {}

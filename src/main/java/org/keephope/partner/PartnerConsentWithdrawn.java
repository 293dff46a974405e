package org.keephope.partner;

import java.util.UUID;

/**
 * A supporter withdrew their consent to one partner from the link in their mails (issue 11 item 7): that
 * partner's copy of the supporter is deleted and the consent row records when. Published in the withdrawing
 * transaction, once per consent (a second click publishes nothing); no personal data. The webhooks send
 * {@code signature.erased} for {@code signatureId} to this one partner ({@code organisationId}) on hearing it: for
 * that partner the supporter is gone, for the others nothing changed.
 */
public record PartnerConsentWithdrawn(UUID signatureId, long organisationId, long campaignId) {}

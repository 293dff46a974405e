package org.keephope.signature;

import java.util.UUID;

/**
 * A signature's personal data was erased — by its signer's link, by staff, or by retention — in the
 * transaction that erased it. {@code stillCounted}: it had been confirmed and stays in the count as a number
 * with its country and day (what the erase page promises); false: it no longer counts (today only an
 * unconfirmed signature, which never did). The signature log listens: it forgets which entry was the
 * signature's, and withdraws the entry when a confirmed signature stops counting.
 */
public record SignatureErased(UUID signatureId, long campaignId, boolean stillCounted) {}

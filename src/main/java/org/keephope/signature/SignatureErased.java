package org.keephope.signature;

import java.time.Instant;
import java.util.UUID;

/**
 * A signature's personal data was erased — by its signer's link, by staff, or by retention — published once, in
 * the transaction that erased it.
 *
 * <p>{@code stillCounted}: it had been confirmed and stays in the count as a number with its country and day
 * (what the erase page promises); from now on its row keeps only the day it was confirmed ({@code confirmedAt}
 * is the time it had until now). False: it no longer counts (today only an unconfirmed signature, which never
 * did; {@code confirmedAt} is then null). The signature log forgets which entry was the signature's and
 * withdraws the entry when a confirmed signature stops counting; the counts over time move an erased
 * signature's hour to the first hour of its day.
 */
public record SignatureErased(
        UUID signatureId, long campaignId, String country, Instant confirmedAt, boolean stillCounted) {}

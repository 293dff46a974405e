package org.keephope.signature;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmed signature's personal data was erased: it still counts, under its country, but from now on its
 * row keeps only the day it was confirmed ({@code confirmedAt} is the time it had until now). Published once,
 * inside the erasing transaction; an unconfirmed signature's erasure publishes nothing (it never counted).
 */
public record SignatureErased(UUID signatureId, long campaignId, String country, Instant confirmedAt) {}

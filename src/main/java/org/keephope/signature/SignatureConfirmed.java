package org.keephope.signature;

import java.util.UUID;

/** A supporter confirmed a signature: it now counts. Other modules (partners, pictures) listen. */
public record SignatureConfirmed(UUID signatureId, long campaignId, String country) {}

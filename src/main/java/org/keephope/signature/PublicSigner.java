package org.keephope.signature;

import java.time.Instant;

/** A signer as the public list shows them, by their choice: first name, country, approved comment. */
public record PublicSigner(String firstName, String country, String comment, Instant confirmedAt) {}

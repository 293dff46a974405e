package org.keephope.signature;

import java.time.LocalDate;

/**
 * A signer as the public list shows them, by their choice: first name, country, approved comment, and the
 * day they confirmed (UTC) — never the time, which could be matched against someone's movements.
 */
public record PublicSigner(String firstName, String country, String comment, LocalDate confirmedOn) {}

package org.keephope.account;

import java.time.Instant;

/**
 * A passkey as its owner's page lists it (the templates need a public type).
 *
 * @param id the credential id, base64url
 * @param lastUsed null until the first sign-in with it
 */
public record StaffPasskey(String id, String label, Instant created, Instant lastUsed) {}

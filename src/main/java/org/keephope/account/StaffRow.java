package org.keephope.account;

import java.time.Instant;

/** A row of {@code staff_user}; the TOTP secret still encrypted. */
record StaffRow(
        long id,
        String email,
        String displayName,
        String passwordHash,
        StaffRole role,
        boolean enabled,
        byte[] totpSecretEnc,
        boolean totpConfirmed,
        Long totpLastStep,
        Instant createdAt,
        long version,
        long securityStamp,
        boolean dataAccess,
        Long organisationId) {

    /** Invited but not yet set up: no password yet. */
    boolean pending() {
        return passwordHash == null;
    }

    StaffMember member() {
        return new StaffMember(id, email, displayName, role, dataAccess, organisationId);
    }
}

package org.keephope.audit;

import java.time.Instant;

/** One thing a staff member did: who, what, which object, when. */
public record AuditEntry(
        long id, Instant at, String actor, String action, String objectType, String objectId, String detail) {}

package org.keephope.partner;

import java.time.Instant;

/** One line of an endpoint's delivery log: an event for it, its state and its last attempt. */
public record WebhookDelivery(
        long id,
        long endpointId,
        String eventId,
        String eventType,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant lastAttemptAt,
        Instant createdAt) {}

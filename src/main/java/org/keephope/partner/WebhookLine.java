package org.keephope.partner;

import java.time.Instant;

/** A webhook endpoint as its page shows it (no secret). {@code rotatingUntil}: the previous secret's end, if any. */
public record WebhookLine(
        long id, String url, String events, boolean enabled, String disabledReason, Instant rotatingUntil) {

    static WebhookLine of(WebhookRepository.Endpoint e) {
        return new WebhookLine(e.id(), e.url(), e.events(), e.enabled(), e.disabledReason(), e.previousUntil());
    }
}

package org.keephope.partner;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery (docs/WEBHOOKS.md).
 *
 * @param allowPrivate allow http and hosts with private, loopback or link-local addresses (tests, closed
 *     networks); {@code KEEPHOPE_WEBHOOKS_ALLOW_PRIVATE}
 * @param pollMillis how often each node looks for due deliveries; {@code KEEPHOPE_WEBHOOKS_POLL_MILLIS}
 * @param timeout a delivery succeeds only with a 2xx within this time (connect and answer);
 *     {@code KEEPHOPE_WEBHOOKS_TIMEOUT}
 * @param retryInitial wait before the first retry, times 4 for each further one up to {@code retryMax}, each
 *     with up to 20 % random jitter; {@code KEEPHOPE_WEBHOOKS_RETRY_INITIAL}
 * @param retryMax longest wait between retries; {@code KEEPHOPE_WEBHOOKS_RETRY_MAX}
 * @param retryFor a delivery is retried until this long after its event, then marked failed;
 *     {@code KEEPHOPE_WEBHOOKS_RETRY_FOR}
 * @param rotationOverlap how long the previous secret stays valid after a rotation;
 *     {@code KEEPHOPE_WEBHOOKS_ROTATION_OVERLAP}
 */
@ConfigurationProperties(prefix = "keephope.webhooks")
record WebhookProperties(
        @DefaultValue("false") boolean allowPrivate,
        @DefaultValue("1000") long pollMillis,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("30s") Duration retryInitial,
        @DefaultValue("2h") Duration retryMax,
        @DefaultValue("25h") Duration retryFor,
        @DefaultValue("24h") Duration rotationOverlap) {

    /** The wait after the {@code attempts}-th failure: exponential, capped, with jitter. */
    Duration backoff(int attempts) {
        long base = retryInitial.toMillis();
        for (int i = 1; i < attempts && base < retryMax.toMillis(); i++) {
            base *= 4;
        }
        base = Math.min(base, retryMax.toMillis());
        long jitter = (long) (base * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(base + jitter);
    }
}

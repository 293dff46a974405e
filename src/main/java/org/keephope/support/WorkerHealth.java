package org.keephope.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.health.contributor.Health;

/**
 * How a background worker is doing, for {@code /actuator/health}: DOWN when it no longer runs, when its
 * last {@value #DOWN_AFTER} rounds failed, or when it has shown no sign of life for {@code silence}.
 * Details (the error's class, never its message) are shown only to whom the health endpoint shows details.
 */
public final class WorkerHealth {

    public static final int DOWN_AFTER = 3;

    private final Clock clock;
    private final Duration silence;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile Instant lastAlive;
    private volatile String lastError;

    public WorkerHealth(Clock clock, Duration silence) {
        this.clock = clock;
        this.silence = silence;
        this.lastAlive = clock.instant();
    }

    /** A sign of life between rounds: still working, neither done nor failed. */
    public void alive() {
        lastAlive = clock.instant();
    }

    public void succeeded() {
        consecutiveFailures.set(0);
        alive();
    }

    public void failed(Throwable error) {
        consecutiveFailures.incrementAndGet();
        lastError = error.getClass().getName();
        alive();
    }

    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    /** {@code running}: the worker's threads (or its schedule) are still there. */
    public Health health(boolean running) {
        Instant last = lastAlive;
        boolean silent = last.plus(silence).isBefore(clock.instant());
        int failures = consecutiveFailures.get();
        Health.Builder health = running && !silent && failures < DOWN_AFTER ? Health.up() : Health.down();
        health.withDetail("running", running).withDetail("lastAlive", last.toString());
        if (failures > 0) {
            health.withDetail("consecutiveFailures", failures).withDetail("lastError", lastError);
        }
        return health.build();
    }
}

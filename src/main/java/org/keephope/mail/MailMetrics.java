package org.keephope.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The outbox as gauges: the backlog (pending mails), those retrying, those given up, and the age of the oldest
 * pending mail in seconds. One query answers all four, and its answer is kept for a few seconds, so that a
 * scrape of every gauge costs one query however often it comes.
 */
@Component
class MailMetrics implements MeterBinder {

    private static final Duration KEPT = Duration.ofSeconds(5);

    private final Outbox outbox;
    private final Clock clock;
    private volatile OutboxHealth last;
    private volatile Instant taken = Instant.MIN;

    MailMetrics(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    private synchronized OutboxHealth health() {
        Instant now = clock.instant();
        if (last == null || taken.plus(KEPT).isBefore(now)) {
            last = outbox.health();
            taken = now;
        }
        return last;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("keephope.mail.backlog", this, m -> m.health().pending())
                .description("mails waiting to be sent")
                .register(registry);
        Gauge.builder("keephope.mail.retrying", this, m -> m.health().retrying())
                .description("waiting mails that failed at least once")
                .register(registry);
        Gauge.builder("keephope.mail.given.up", this, m -> m.health().failed())
                .description("mails given up after the last attempt")
                .register(registry);
        Gauge.builder("keephope.mail.oldest.pending.age", this, m -> {
                    Instant oldest = m.health().oldestPending();
                    return oldest == null
                            ? 0
                            : Math.max(
                                    0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
                })
                .description("age of the oldest waiting mail")
                .baseUnit("seconds")
                .register(registry);
    }
}

package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void limitsEachKeyPerHourThenForgets() {
        MovableClock clock = new MovableClock();
        RateLimiter limiter = new RateLimiter(clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.allow("client", "10.0.0.1", 3)).isTrue();
        }
        assertThat(limiter.allow("client", "10.0.0.1", 3)).isFalse();
        assertThat(limiter.allow("client", "10.0.0.2", 3)).as("another client").isTrue();
        assertThat(limiter.allow("address", "10.0.0.1", 3)).as("another kind").isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(limiter.allow("client", "10.0.0.1", 3)).isTrue();
    }

    @Test
    void keepsNoAddressInClear() throws Exception {
        RateLimiter limiter = new RateLimiter(new MovableClock());
        limiter.allow("client", "203.0.113.7", 3);
        var field = RateLimiter.class.getDeclaredField("windows");
        field.setAccessible(true);
        assertThat(field.get(limiter).toString()).doesNotContain("203.0.113.7");
    }
}

package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keephope.support.MovableClock;
import org.keephope.web.TestLimits;

class RateLimiterTest {

    final MovableClock clock = new MovableClock();

    RateLimiter limiter(String... sharedAddresses) {
        return new RateLimiter(TestLimits.clientLimits(clock, 1000, 10, 10, sharedAddresses));
    }

    @Test
    void limitsEachKeyPerHourThenForgets() {
        RateLimiter limiter = limiter();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.allow("client", "10.0.0.1", 3)).isTrue();
        }
        assertThat(limiter.allow("client", "10.0.0.1", 3)).isFalse();
        assertThat(limiter.allow("client", "10.0.0.2", 3)).as("another client").isTrue();
        assertThat(limiter.allow("address", "10.0.0.1", 3)).as("another kind").isTrue();
        clock.advance(Duration.ofMinutes(61));
        assertThat(limiter.allow("client", "10.0.0.1", 3)).isTrue();
    }

    @Test
    void anIpv6ClientIsLimitedByItsSlash64() {
        RateLimiter limiter = limiter();
        assertThat(limiter.allow("client", "2001:db8:a:b::1", 2)).isTrue();
        assertThat(limiter.allow("client", "2001:db8:a:b::2", 2)).isTrue();
        assertThat(limiter.allow("client", "2001:db8:a:b:1234:5678:9abc:def0", 2))
                .as("a third address of the same /64")
                .isFalse();
        assertThat(limiter.allow("client", "2001:db8:a:c::1", 2))
                .as("another /64")
                .isTrue();
    }

    @Test
    void aSharedAddressHasOneHigherLimitForAllItsVisitorsAndEmailLimitsStillHold() {
        RateLimiter limiter = limiter("127.0.0.1");
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.allow("client", "127.0.0.1", 3))
                    .as("request %d from the onion service", i + 1)
                    .isTrue();
        }
        assertThat(limiter.allow("client", "127.0.0.1", 3))
                .as("over the shared limit")
                .isFalse();
        assertThat(limiter.allow("client", "192.0.2.1", 3))
                .as("others are not affected")
                .isTrue();

        RateLimiter another = limiter("127.0.0.1");
        for (int i = 0; i < 5; i++) {
            another.allow("address", "ann@example.org", 5);
        }
        assertThat(another.allow("client", "127.0.0.1", 3)).isTrue();
        assertThat(another.allow("address", "ann@example.org", 5))
                .as("one email address's limit, from the shared address too")
                .isFalse();
    }

    @Test
    void manyClientsCannotGrowItBeyondItsCap() {
        RateLimiter limiter = limiter();
        for (int i = 0; i < 50_000; i++) {
            limiter.allow("client", "2001:db8:" + Integer.toHexString(i) + "::1", 30);
        }
        assertThat(limiter.counter("client").keys()).isLessThanOrEqualTo(1000);
    }

    @Test
    void keepsNoAddressInClear() throws Exception {
        RateLimiter limiter = limiter();
        limiter.allow("client", "203.0.113.7", 3);
        limiter.allow("address", "ann@example.org", 3);
        for (String kind : new String[] {"client", "address"}) {
            var field = limiter.counter(kind).getClass().getDeclaredField("counts");
            field.setAccessible(true);
            var cache = (com.github.benmanes.caffeine.cache.Cache<?, ?>) field.get(limiter.counter(kind));
            assertThat(cache.asMap()).hasSize(1);
            assertThat(cache.asMap().toString()).doesNotContain("203.0.113.7").doesNotContain("ann@");
        }
    }
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keephope.support.MovableClock;
import org.keephope.web.TestLimits;

class LoginThrottleTest {

    final MovableClock clock = new MovableClock();

    /** 5 failures per account, 3 per client, 15 minutes; a shared address may fail 8 times. */
    LoginThrottle throttle(String... sharedAddresses) {
        var properties = new AccountProperties(
                null,
                null,
                Duration.ofHours(24),
                Duration.ofHours(72),
                Duration.ofHours(1),
                3,
                5,
                Duration.ofMinutes(15),
                3,
                0,
                Duration.ofDays(90),
                Duration.ofHours(12),
                null,
                false);
        return new LoginThrottle(TestLimits.clientLimits(clock, 1000, 10, 8, sharedAddresses), properties);
    }

    @Test
    void aClientIsBlockedAfterItsFailuresUntilTheWindowEnds() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("192.0.2.1")).isFalse();
            throttle.failed("192.0.2.1");
        }
        assertThat(throttle.blocked("192.0.2.1")).isTrue();
        assertThat(throttle.blocked("192.0.2.2")).isFalse();
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.blocked("192.0.2.1")).isFalse();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        LoginThrottle throttle = throttle();
        throttle.failed("2001:db8:5:6::1");
        throttle.failed("2001:db8:5:6::2");
        throttle.failed("2001:db8:5:6:aaaa::3");
        assertThat(throttle.blocked("2001:db8:5:6:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(throttle.blocked("2001:db8:5:7::1")).isFalse();
    }

    @Test
    void aSharedAddressIsBlockedOnlyAtItsOwnHigherLimit() {
        LoginThrottle throttle = throttle("127.0.0.1", "::1");
        for (int i = 0; i < 7; i++) {
            throttle.failed(i % 2 == 0 ? "::1" : "0:0:0:0:0:0:0:1");
        }
        assertThat(throttle.blocked("::1"))
                .as("7 failures from the onion service: more than one client may make, fewer than the shared limit")
                .isFalse();
        throttle.failed("::1");
        assertThat(throttle.blocked("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(throttle.blocked("127.0.0.1"))
                .as("each shared address counts on its own")
                .isFalse();
    }

    @Test
    void askingStoresNothingAndAFloodOfFailuresStaysWithinTheCap() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 10_000; i++) {
            assertThat(throttle.blocked("10.1." + (i >> 8) + "." + (i & 255))).isFalse();
        }
        assertThat(throttle.failures().keys()).isZero();
        for (int i = 0; i < 60_000; i++) {
            throttle.failed("10.2." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(throttle.failures().keys()).isLessThanOrEqualTo(1000);
    }
}

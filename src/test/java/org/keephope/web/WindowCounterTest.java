package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keephope.support.MovableClock;

class WindowCounterTest {

    final MovableClock clock = new MovableClock();

    WindowCounter counter(int maxKeys) {
        return TestLimits.clientLimits(clock, maxKeys, 10, 10).counter(Duration.ofHours(1));
    }

    @Test
    void countsEachKeyInAFixedWindowThenForgetsIt() {
        WindowCounter counter = counter(1000);
        for (int i = 0; i < 3; i++) {
            assertThat(counter.tryCount("a", 3)).isTrue();
        }
        assertThat(counter.tryCount("a", 3)).isFalse();
        assertThat(counter.tryCount("b", 3)).as("another key").isTrue();
        clock.advance(Duration.ofMinutes(59));
        assertThat(counter.tryCount("a", 3))
                .as("refused until the window that opened with the first request ends")
                .isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(counter.keys()).as("both windows ended: nothing is held").isZero();
        assertThat(counter.tryCount("a", 3)).isTrue();
    }

    @Test
    void aFloodFromManyAddressesCannotGrowTheMapBeyondItsCap() {
        WindowCounter counter = counter(1000);
        for (int i = 0; i < 200_000; i++) {
            String client = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            counter.tryCount(client, 5);
            counter.tryCount(client, 5);
        }
        assertThat(counter.keys()).isLessThanOrEqualTo(1000);
    }

    @Test
    void aClientThatKeepsComingIsNotForgottenWhileOthersFloodTheMap() {
        WindowCounter counter = counter(1000);
        for (int i = 0; i < 3; i++) {
            counter.tryCount("attacker", 3);
        }
        for (int i = 0; i < 100_000; i++) {
            counter.tryCount("flood-" + i, 3);
            if (i % 100 == 0) {
                assertThat(counter.tryCount("attacker", 3))
                        .as("still refused after %d other keys", i)
                        .isFalse();
            }
        }
        assertThat(counter.tryCount("attacker", 3)).isFalse();
    }

    @Test
    void askingWhetherAKeyIsOverItsLimitStoresNothing() {
        WindowCounter counter = counter(1000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(counter.reached("client-" + i, 1)).isFalse();
        }
        assertThat(counter.keys()).isZero();
        counter.count("client-1");
        assertThat(counter.reached("client-1", 1)).isTrue();
        assertThat(counter.keys()).isOne();
    }

    @Test
    void refusedRequestsAreNotCountedAndAddNoKey() {
        WindowCounter counter = counter(1000);
        assertThat(counter.tryCount("a", 1)).isTrue();
        for (int i = 0; i < 1000; i++) {
            assertThat(counter.tryCount("a", 1)).isFalse();
        }
        assertThat(counter.keys()).isOne();
        assertThat(counter.tryCount("a", 2)).as("the refusals were not counted").isTrue();
    }

    @Test
    void noLimitCountsNothing() {
        WindowCounter counter = counter(1000);
        assertThat(counter.tryCount("a", 0)).isTrue();
        assertThat(counter.keys()).isZero();
    }
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

    static final Duration LONGEST = Duration.ofMinutes(15);

    @Test
    void theFirstFailuresCostNothingThenEachWaitDoublesUpToTheLongest() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(SignInAttempts.delayAfter(failures, 5, LONGEST)).isZero();
        }
        assertThat(SignInAttempts.delayAfter(5, 5, LONGEST)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInAttempts.delayAfter(6, 5, LONGEST)).isEqualTo(Duration.ofSeconds(4));
        assertThat(SignInAttempts.delayAfter(7, 5, LONGEST)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SignInAttempts.delayAfter(13, 5, LONGEST)).isEqualTo(Duration.ofSeconds(512));
        assertThat(SignInAttempts.delayAfter(14, 5, LONGEST)).isEqualTo(LONGEST);
        assertThat(SignInAttempts.delayAfter(1_000_000, 5, LONGEST))
                .as("never longer, however long an attack goes on")
                .isEqualTo(LONGEST);
    }
}

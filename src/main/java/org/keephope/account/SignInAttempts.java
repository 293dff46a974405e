package org.keephope.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Growing delays per account instead of a hard lock. The first {@code max-failures} failed attempts cost
 * nothing; after that each further attempt may be checked only 2 s, 4 s, 8 s … (at most {@code lock-duration})
 * after the one before. Attempts that come too early are answered as a wrong password, unchecked and
 * uncounted, so they neither tell that the account exists nor push the delay further.
 *
 * <p>An attempt is counted <em>before</em> it is checked (a parallel burst cannot slip past the count while
 * the hashes run), and taken back when the password turns out right. Browsers that hold a valid device cookie
 * of the account (it signed in there before, see {@link DeviceCookies}) count apart from all others: an
 * attacker elsewhere can slow down only the attacker's own kind of browser, never lock the owner out.
 */
@Component
class SignInAttempts {

    /** Which counters an attempt uses: those of unknown browsers, or those of the account's own devices. */
    enum Browser {
        UNKNOWN("failed_attempts", "next_attempt_at"),
        KNOWN_DEVICE("device_failed_attempts", "device_next_attempt_at");

        final String failures;
        final String nextAttemptAt;

        Browser(String failures, String nextAttemptAt) {
            this.failures = failures;
            this.nextAttemptAt = nextAttemptAt;
        }
    }

    /** An attempt let through and counted; {@link #takeBack} undoes the count. */
    record Admitted(long userId, Browser browser, StaffRepository.Attempts before) {}

    private final StaffRepository staff;
    private final AccountProperties properties;
    private final Clock clock;

    SignInAttempts(StaffRepository staff, AccountProperties properties, Clock clock) {
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the next attempt must wait after {@code failures} consecutive failures. */
    static Duration delayAfter(int failures, int free, Duration longest) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = failures - free + 1;
        if (doublings >= 40) {
            return longest;
        }
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    /** Counts an attempt and lets it through, or empty when it comes before the account's delay is over. */
    Optional<Admitted> admit(long userId, Browser browser) {
        for (int tries = 0; tries < 5; tries++) {
            var seen = staff.attempts(userId, browser).orElse(null);
            if (seen == null) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            if (seen.nextAttemptAt() != null && now.isBefore(seen.nextAttemptAt())) {
                return Optional.empty();
            }
            int failures = seen.failures() + 1;
            Duration delay = delayAfter(failures, properties.maxFailures(), properties.lockDuration());
            var next = new StaffRepository.Attempts(failures, delay.isZero() ? null : now.plus(delay));
            if (staff.replaceAttempts(userId, browser, seen, next)) {
                return Optional.of(new Admitted(userId, browser, seen));
            }
        }
        return Optional.empty(); // a crowd of attempts on one account at once: the others wait their turn
    }

    /** The attempt was right (a password on the way to the second factor): it does not count. */
    void takeBack(Admitted admitted) {
        var before = admitted.before();
        staff.replaceAttempts(
                admitted.userId(),
                admitted.browser(),
                new StaffRepository.Attempts(before.failures() + 1, null),
                before);
    }

    /** A complete sign-in: this kind of browser starts afresh. */
    void succeeded(long userId, Browser browser) {
        var seen = staff.attempts(userId, browser).orElse(null);
        if (seen != null && seen.failures() > 0) {
            staff.replaceAttempts(userId, browser, seen, new StaffRepository.Attempts(0, null));
        }
    }
}

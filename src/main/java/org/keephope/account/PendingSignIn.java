package org.keephope.account;

import java.io.Serializable;
import java.time.Duration;

/**
 * The only thing a session holds between the password and the second factor: it grants nothing. It is bound
 * to the account's security stamp as it was at the password step, so any change to the password, the second
 * factor, the role or a permission, disabling or "sign out everywhere" ends it; and it is good for
 * {@link #VALIDITY} after the session was created (at the password step), however often it is used.
 *
 * @param trustedDevice the browser showed a valid device cookie of the account at the password step
 */
record PendingSignIn(long userId, long securityStamp, boolean trustedDevice) implements Serializable {

    static final String ATTRIBUTE = "keephope.pendingSignIn";
    static final Duration VALIDITY = Duration.ofMinutes(5);

    SignInAttempts.Browser browser() {
        return trustedDevice ? SignInAttempts.Browser.KNOWN_DEVICE : SignInAttempts.Browser.UNKNOWN;
    }
}

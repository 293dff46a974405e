package org.keephope.web;

import java.time.Clock;
import java.util.List;

/** Limiters for unit tests. */
public final class TestLimits {

    private TestLimits() {}

    /**
     * Limits holding at most {@code maxKeys} keys, with these shared addresses, a shared address allowed
     * {@code sharedSignRequests} sign requests per hour and {@code sharedSignInFailures} failed sign-ins.
     */
    public static ClientLimits clientLimits(
            Clock clock, int maxKeys, int sharedSignRequests, int sharedSignInFailures, String... sharedAddresses) {
        return new ClientLimits(
                new LimitProperties(maxKeys, List.of(sharedAddresses), sharedSignRequests, sharedSignInFailures),
                clock);
    }
}

package org.keephope.account;

import org.keephope.web.ClientLimits;
import org.keephope.web.WindowCounter;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client, in a window of the account lock's length: an IPv6 client by its /64; from an
 * address many share (a Tor onion service), one higher limit for all of them, while each account's own lock
 * still holds. Built on {@link ClientLimits}: keys hashed, bounded, forgotten when their window ends; asking
 * whether a client is blocked stores nothing.
 */
@Component
class LoginThrottle {

    private final ClientLimits limits;
    private final AccountProperties properties;
    private final WindowCounter failures;

    LoginThrottle(ClientLimits limits, AccountProperties properties) {
        this.limits = limits;
        this.properties = properties;
        this.failures = limits.counter(properties.lockDuration());
    }

    boolean blocked(String clientAddress) {
        ClientLimits.Client client = limits.client(clientAddress);
        int allowed = client.shared()
                ? limits.properties().sharedSignInFailuresPerWindow()
                : properties.clientFailuresPerWindow();
        return failures.reached(client.key(), allowed);
    }

    void failed(String clientAddress) {
        failures.count(limits.client(clientAddress).key());
    }

    WindowCounter failures() {
        return failures;
    }
}

package org.keephope.signature;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keephope.web.ClientLimits;
import org.keephope.web.WindowCounter;
import org.springframework.stereotype.Component;

/**
 * Hourly limits of the sign form, per kind of key: {@code "client"} (the request's address: an IPv6 client by
 * its /64; from an address many share, one higher limit for all of them) and any other kind (an email
 * address) as given. Each kind has a counter of its own, so a flood of one kind cannot push out the other.
 * Built on {@link ClientLimits}: keys hashed, bounded, forgotten when their window ends.
 */
@Component
class RateLimiter {

    static final String CLIENT = "client";
    private static final Duration WINDOW = Duration.ofHours(1);

    private final ClientLimits limits;
    private final Map<String, WindowCounter> counters = new ConcurrentHashMap<>();

    RateLimiter(ClientLimits limits) {
        this.limits = limits;
    }

    /** Counts one request for this key and says whether it is within the limit (zero or less: none). */
    boolean allow(String kind, String rawKey, int limit) {
        if (limit <= 0) {
            return true;
        }
        WindowCounter counter = counter(kind);
        if (!CLIENT.equals(kind)) {
            return counter.tryCount(rawKey, limit);
        }
        ClientLimits.Client client = limits.client(rawKey);
        return counter.tryCount(
                client.key(), client.shared() ? limits.properties().sharedSignRequestsPerHour() : limit);
    }

    WindowCounter counter(String kind) {
        return counters.computeIfAbsent(kind, k -> limits.counter(WINDOW));
    }
}

package org.keephope.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.keephope.support.Tokens;
import org.springframework.stereotype.Component;

/**
 * The one place request limits are built: it says who a client is ({@link #client}) and makes the counters
 * ({@link #counter}). Every counter hashes its keys with a key made at start and held only in this process,
 * so no address is stored, not even in memory, and nothing survives a restart.
 */
@Component
public class ClientLimits {

    /**
     * A client as the limits see it.
     *
     * @param key what its count is kept under ({@link ClientAddress#limitKey})
     * @param shared it comes from an address many people share: its limit is the shared address's, not a
     *     client's
     */
    public record Client(String key, boolean shared) {}

    private final LimitProperties properties;
    private final Set<String> shared;
    private final Clock clock;
    private final SecretKeySpec key;

    public ClientLimits(LimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.shared = properties.sharedClientAddresses().stream()
                .map(a -> ClientAddress.exact(a).orElseThrow())
                .collect(Collectors.toUnmodifiableSet());
        this.key = new SecretKeySpec(Tokens.bytes(32), "HmacSHA256");
    }

    /** Who {@code remoteAddress} ({@code request.getRemoteAddr()}) is, for the limits. */
    public Client client(String remoteAddress) {
        String address = String.valueOf(remoteAddress);
        var exact = ClientAddress.exact(address);
        if (exact.isPresent() && shared.contains(exact.get())) {
            return new Client("shared:" + exact.get(), true);
        }
        return new Client(ClientAddress.limitKey(address), false);
    }

    /** A new counter of fixed windows of this length, holding at most {@code keephope.limits.max-keys}. */
    public WindowCounter counter(Duration window) {
        return new WindowCounter(window, properties.maxKeys(), clock, key);
    }

    public LimitProperties properties() {
        return properties;
    }
}

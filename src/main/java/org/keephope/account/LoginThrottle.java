package org.keephope.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client, in memory. The client's address is never stored: it is hashed with a key that
 * lives only in this process, and the hash is forgotten when its window ends.
 */
@Component
class LoginThrottle {

    private record Window(Instant start, int failures) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;
    private final AccountProperties properties;

    LoginThrottle(Clock clock, AccountProperties properties) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
        this.properties = properties;
    }

    boolean blocked(String clientAddress) {
        Window window = windows.get(hash(clientAddress));
        return window != null && current(window) && window.failures() >= properties.clientFailuresPerWindow();
    }

    void failed(String clientAddress) {
        Instant now = clock.instant();
        windows.compute(
                hash(clientAddress),
                (k, w) -> w == null || !current(w) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetOldWindows() {
        windows.values().removeIf(w -> !current(w));
    }

    private boolean current(Window window) {
        return clock.instant().isBefore(window.start().plus(properties.lockDuration()));
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of()
                    .formatHex(
                            mac.doFinal(String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                            0,
                            16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

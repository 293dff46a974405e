package org.keephope.signature;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fixed-window limits per client and per email address, in memory. A client's address is never stored:
 * it is hashed with a key that lives only in this process (and changes at every start), and the hash is
 * forgotten when its window ends.
 */
@Component
class RateLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);

    private record Window(Instant start, int count) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;

    RateLimiter(Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    /** Counts one request for this key and says whether it is within the limit. */
    boolean allow(String kind, String rawKey, int limit) {
        if (limit <= 0) {
            return true;
        }
        Instant now = clock.instant();
        Window window = windows.compute(
                kind + ":" + hash(rawKey),
                (k, w) -> w == null || !now.isBefore(w.start().plus(WINDOW))
                        ? new Window(now, 1)
                        : new Window(w.start(), w.count() + 1));
        return window.count() <= limit;
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetOldWindows() {
        Instant cutoff = clock.instant().minus(WINDOW);
        windows.values().removeIf(w -> w.start().isBefore(cutoff));
    }

    /** One initialised MAC per thread: creating one per request showed in the benchmark's profile. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(String value) {
        return HexFormat.of()
                .formatHex(macs.get().doFinal(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 16);
    }
}

package org.keephope.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Events per key in fixed windows: a key's window opens with its first event and ends {@code window} later,
 * when the key is forgotten. Keys are kept only as a keyed hash (64 bits of HMAC-SHA256 under a key of this
 * process). The map is Caffeine's: entries expire on time (a scheduler removes them even when nobody asks),
 * and it holds at most {@code maxKeys}; beyond that its admission policy (W-TinyLFU) forgets the keys used
 * least, so a flood of one-off keys does not push out a client that keeps coming back. Only a counted event
 * creates an entry: asking whether a key is over its limit never does.
 */
public final class WindowCounter {

    private final Cache<Long, AtomicInteger> counts;
    private final ThreadLocal<Mac> macs;
    private final Duration window;

    WindowCounter(Duration window, long maxKeys, Clock clock, SecretKeySpec key) {
        this.window = window;
        this.counts = Caffeine.newBuilder()
                .expireAfterWrite(window) // a count is changed in place, never written again: a fixed window
                .maximumSize(maxKeys)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .scheduler(Scheduler.systemScheduler())
                .build();
        // one initialised MAC per thread: creating one per request showed in the benchmark's profile
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Counts one event for {@code key} if it is within {@code limit} events in its window; false (and not
     * counted) when the limit is reached. A limit of zero or less means no limit: nothing is counted.
     */
    public boolean tryCount(String key, int limit) {
        if (limit <= 0) {
            return true;
        }
        AtomicInteger count = counts.get(hash(key), k -> new AtomicInteger());
        int before = count.getAndUpdate(c -> c < limit ? c + 1 : c);
        return before < limit;
    }

    /** Counts one event for {@code key}, whatever its count. */
    public void count(String key) {
        counts.get(hash(key), k -> new AtomicInteger()).incrementAndGet();
    }

    /** Whether {@code key} has {@code limit} events or more in its window; counts nothing, stores nothing. */
    public boolean reached(String key, int limit) {
        AtomicInteger count = counts.getIfPresent(hash(key));
        return count != null && count.get() >= limit;
    }

    /**
     * How long until {@code key}'s window ends and it has its whole budget again (for {@code Retry-After});
     * zero when it has no window open. Counts nothing, stores nothing.
     */
    public Duration untilReset(String key) {
        return counts.policy()
                .expireAfterWrite()
                .flatMap(expiry -> expiry.ageOf(hash(key)))
                .map(age -> window.minus(age).isNegative() ? Duration.ZERO : window.minus(age))
                .orElse(Duration.ZERO);
    }

    /** How many keys are held now (after expired ones are dropped). */
    public long keys() {
        counts.cleanUp();
        return counts.estimatedSize();
    }

    private Long hash(String value) {
        byte[] mac = macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(mac).getLong();
    }
}

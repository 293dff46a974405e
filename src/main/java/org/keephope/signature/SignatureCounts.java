package org.keephope.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts of confirmed signatures. A page view reads a per-node cache that is at most
 * {@code countFreshness} old; refreshing it sums a few sharded counter rows (countries × shards), never
 * the signatures. Counters move in the confirming transaction, and a timer reconciles them with the
 * signatures, so they are exact after reconciliation whatever happened in between.
 */
@Service
public class SignatureCounts {

    private static final Logger log = LoggerFactory.getLogger(SignatureCounts.class);

    private record Cached(Instant at, Tally tally) {}

    private final CounterRepository counters;
    private final SigningProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    SignatureCounts(
            CounterRepository counters, SigningProperties properties, TransactionTemplate transaction, Clock clock) {
        this.counters = counters;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Tally tally(long campaignId) {
        Instant now = clock.instant();
        Cached cached = cache.get(campaignId);
        if (cached != null && cached.at().plus(properties.countFreshness()).isAfter(now)) {
            return cached.tally();
        }
        Map<String, Long> byCountry = transaction.execute(status -> counters.byCountry(campaignId));
        Tally tally =
                new Tally(byCountry.values().stream().mapToLong(Long::longValue).sum(), Map.copyOf(byCountry));
        cache.put(campaignId, new Cached(now, tally));
        return tally;
    }

    /** Counts one confirmation, inside the confirming transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void countConfirmation(long campaignId, String country) {
        counters.add(campaignId, country, ThreadLocalRandom.current().nextInt(CounterRepository.SHARDS), 1);
    }

    /** This node's cache forgets a campaign, so its next view shows the new count at once. */
    void invalidate(long campaignId) {
        cache.remove(campaignId);
    }

    /** Brings every counter in line with the signatures; returns how many signatures it corrected. */
    @Scheduled(
            initialDelayString = "${keephope.signing.reconcile-initial-delay-millis:5000}",
            fixedDelayString = "${keephope.signing.reconcile-interval-millis:600000}")
    public long reconcile() {
        long corrected = 0;
        for (long campaignId : counters.campaignsWithSignatures()) {
            Map<String, Long> drift = transaction.execute(status -> {
                Map<String, Long> d = counters.drift(campaignId);
                d.forEach((country, delta) -> counters.add(campaignId, country, 0, delta));
                return d;
            });
            if (!drift.isEmpty()) {
                long n = drift.values().stream().mapToLong(Math::abs).sum();
                corrected += n;
                log.warn("Reconciled counts of campaign {}: {} corrected ({})", campaignId, n, drift);
                invalidate(campaignId);
            }
        }
        return corrected;
    }
}

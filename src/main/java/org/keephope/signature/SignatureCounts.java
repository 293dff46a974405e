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

    private record Snapshot(Instant window, CountryCounts counts) {}

    private final CounterRepository counters;
    private final SigningProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Long, Snapshot> countryCache = new ConcurrentHashMap<>();

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
        Map<String, Long> byCountry = exactByCountry(campaignId);
        Tally tally =
                new Tally(byCountry.values().stream().mapToLong(Long::longValue).sum());
        cache.put(campaignId, new Cached(now, tally));
        return tally;
    }

    /**
     * Where the signatures come from, as of the start of the current window ({@code countryCountLag}, a
     * minute): every node takes its figures in the same windows, aligned to the clock, and a confirmation
     * shows in them only once the next window starts — on the confirming node too.
     */
    public CountryCounts byCountry(long campaignId) {
        long lag = Math.max(1, properties.countryCountLag().toSeconds());
        long seconds = clock.instant().getEpochSecond();
        Instant window = Instant.ofEpochSecond(seconds - Math.floorMod(seconds, lag));
        Snapshot snapshot = countryCache.get(campaignId);
        if (snapshot != null && snapshot.window().equals(window)) {
            return snapshot.counts();
        }
        CountryCounts counts = CountryCounts.of(exactByCountry(campaignId), window);
        countryCache.put(campaignId, new Snapshot(window, counts));
        return counts;
    }

    /** Exact counts per country, fresh from the counters: never for the public as they are. */
    Map<String, Long> exactByCountry(long campaignId) {
        return transaction.execute(status -> counters.byCountry(campaignId));
    }

    /** Counts one confirmation, inside the confirming transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void countConfirmation(long campaignId, String country) {
        counters.add(campaignId, country, ThreadLocalRandom.current().nextInt(CounterRepository.SHARDS), 1);
    }

    /** This node's cache of the total forgets a campaign, so its next view shows the new total at once. */
    void invalidate(long campaignId) {
        cache.remove(campaignId);
    }

    /** Brings every counter in line with the signatures; returns how many signatures it corrected. */
    @Scheduled(
            initialDelayString = "${keephope.signing.reconcile-initial-delay-millis:5000}",
            fixedDelayString = "${keephope.signing.reconcile-interval:10m}")
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

package org.keephope.stats;

import java.util.concurrent.ThreadLocalRandom;
import org.keephope.signature.SignatureConfirmed;
import org.keephope.signature.SignatureErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the counts over time as signatures are confirmed and erased. Both events are published inside the
 * signature module's transaction and these listeners run in it (plain {@code @EventListener}, not after
 * commit): the hour's count commits with the confirmation or not at all, so a crash cannot lose it. The
 * hour is this node's clock at the time of the event; a confirmation that straddles the turn of an hour by a
 * few milliseconds may land in the other hour until the next reconciliation moves it.
 */
@Component
class StatsRecorder {

    private final HourlyRepository hourly;
    private final java.time.Clock clock;

    StatsRecorder(HourlyRepository hourly, java.time.Clock clock) {
        this.hourly = hourly;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onConfirmed(SignatureConfirmed confirmed) {
        hourly.add(
                confirmed.campaignId(),
                Hours.of(clock.instant()),
                confirmed.country(),
                ThreadLocalRandom.current().nextInt(HourlyRepository.SHARDS),
                1);
    }

    /**
     * An erased signature keeps only the day it was confirmed, so its count moves to the first hour of that
     * day: the hours then agree with what the signatures still say, and no hour tells when an erased signer
     * signed. The day's total does not change. Shard 0, since erasures are few and compaction locks it.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onErased(SignatureErased erased) {
        if (!erased.stillCounted() || erased.confirmedAt() == null) {
            return; // an unconfirmed signature was never counted
        }
        long hour = Hours.of(erased.confirmedAt());
        long dayStart = Math.floorDiv(hour, 24) * 24;
        if (hour != dayStart) {
            hourly.add(erased.campaignId(), hour, erased.country(), 0, -1);
            hourly.add(erased.campaignId(), dayStart, erased.country(), 0, 1);
        }
    }
}

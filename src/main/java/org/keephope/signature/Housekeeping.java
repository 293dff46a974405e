package org.keephope.signature;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** Deletes unconfirmed signatures past their retention, and keeps this node's counts fresh. */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final SignatureRepository repository;
    private final SignatureCounts counts;
    private final SigningProperties properties;
    private final Clock clock;

    Housekeeping(SignatureRepository repository, SignatureCounts counts, SigningProperties properties, Clock clock) {
        this.repository = repository;
        this.counts = counts;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    @Transactional
    public int purgeUnconfirmed() {
        int purged = repository.purgeUnconfirmed(clock.instant().minus(properties.unconfirmedRetention()));
        if (purged > 0) {
            log.info("Deleted {} unconfirmed signatures older than {}", purged, properties.unconfirmedRetention());
        }
        return purged;
    }

    @TransactionalEventListener
    void onConfirmed(SignatureConfirmed confirmed) {
        counts.invalidate(confirmed.campaignId());
    }
}

package org.keephope.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the privacy notice's promise: {@code retentionAfterClose} after a campaign's signing ended (closed,
 * or its deadline passed), every signer's email, name and comment are erased, as the signer's own erase link
 * would: a confirmed signature keeps campaign, country and the day; an unconfirmed one goes; mail about it
 * is forgotten. Any node may run it at any time: it works in small batches of rows it locks, skipping rows
 * another node holds, and a row erased once is not picked again.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 200;

    private final Campaigns campaigns;
    private final SignatureRepository repository;
    private final Outbox outbox;
    private final SigningProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Retention(
            Campaigns campaigns,
            SignatureRepository repository,
            Outbox outbox,
            SigningProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.outbox = outbox;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Erases what the retention period no longer covers; returns how many signatures it erased. */
    @Scheduled(initialDelay = 120_000, fixedDelay = 3_600_000)
    public int eraseExpired() {
        Instant now = clock.instant();
        int erased = 0;
        for (long campaignId : campaigns.endedBefore(now.minus(properties.retentionAfterClose()))) {
            int batch;
            do {
                batch = transaction.execute(status -> eraseBatch(campaignId, now));
                erased += batch;
            } while (batch == BATCH);
        }
        if (erased > 0) {
            log.info(
                    "Erased the personal data of {} signatures of campaigns that ended more than {} ago",
                    erased,
                    properties.retentionAfterClose());
        }
        return erased;
    }

    private int eraseBatch(long campaignId, Instant now) {
        List<SignatureRepository.Held> held = repository.lockHoldingPersonalData(campaignId, BATCH);
        for (SignatureRepository.Held signature : held) {
            outbox.forget(SignatureWriter.reference(signature.id()));
            repository.erase(signature.id(), signature.status(), now);
        }
        return held.size();
    }
}

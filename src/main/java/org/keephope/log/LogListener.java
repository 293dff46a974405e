package org.keephope.log;

import org.keephope.signature.SignatureConfirmed;
import org.keephope.signature.SignatureErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears the signature module. Its events arrive inside the transaction that confirmed or erased a signature,
 * and the waiting entry is written there: if that transaction commits, the entry is committed with it, and is
 * appended even if this node dies the next moment (the sweep of any node finds it).
 */
@Component
class LogListener {

    private static final Logger log = LoggerFactory.getLogger(LogListener.class);

    private final LogWriter writer;
    private final LogProperties properties;
    private long lastSweep;

    LogListener(LogWriter writer, LogProperties properties) {
        this.writer = writer;
        this.properties = properties;
    }

    @EventListener
    void onConfirmed(SignatureConfirmed confirmed) {
        writer.addition(confirmed.signatureId(), confirmed.campaignId(), confirmed.country());
    }

    @EventListener
    void onErased(SignatureErased erased) {
        writer.erased(erased.signatureId(), erased.campaignId(), erased.stillCounted());
    }

    /**
     * Right after the confirmation committed: append it and sign, so the next page (and the thank-you mail, whose
     * listener comes after this one) can show the receipt.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 100)
    void afterConfirmed(SignatureConfirmed confirmed) {
        if (!properties.integrateOnConfirm()) {
            return;
        }
        try {
            writer.integrateNow(confirmed.campaignId());
        } catch (RuntimeException e) {
            // the entry waits in log_pending: the sweep appends it
            log.warn(
                    "Could not append to the log of campaign {} now, the sweep will: {}",
                    confirmed.campaignId(),
                    e.toString());
        }
    }

    @Scheduled(initialDelay = 1000, fixedDelay = 1000)
    void sweep() {
        long now = System.nanoTime();
        if (now - lastSweep < properties.sweepInterval().toNanos()) {
            return;
        }
        lastSweep = now;
        try {
            writer.sweep();
        } catch (RuntimeException e) {
            log.warn("The log sweep failed, it runs again in {}: {}", properties.sweepInterval(), e.toString());
        }
    }
}

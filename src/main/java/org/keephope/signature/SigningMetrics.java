package org.keephope.signature;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Signing for operators: signatures accepted (committed, with their confirmation mail), refused by kind,
 * confirmed and erased (counted once their transaction committed), and how many wait in the group-commit
 * queue. Nothing about a signer: no campaign, country or address is a label.
 */
@Component
class SigningMetrics {

    private final Counter accepted;
    private final Counter confirmed;
    private final Counter erased;
    private final MeterRegistry registry;

    SigningMetrics(MeterRegistry registry, SignatureWriter writer) {
        this.registry = registry;
        this.accepted = Counter.builder("keephope.signatures.accepted")
                .description("signatures committed with their confirmation mail (answered 303)")
                .register(registry);
        this.confirmed = Counter.builder("keephope.signatures.confirmed")
                .description("signatures confirmed from the link in their mail")
                .register(registry);
        this.erased = Counter.builder("keephope.signatures.erased")
                .description("signatures erased (by their signer, staff or retention)")
                .register(registry);
        Gauge.builder("keephope.signature.writer.queue", writer, SignatureWriter::queued)
                .description("signatures waiting for the group-commit writers")
                .register(registry);
    }

    /** @param honeypot the bot's field was filled in: answered as accepted, stored nowhere */
    void outcome(SignOutcome outcome, boolean honeypot) {
        if (outcome == SignOutcome.ACCEPTED && !honeypot) {
            accepted.increment();
        } else {
            String reason = honeypot ? "honeypot" : outcome.name().toLowerCase(java.util.Locale.ROOT);
            registry.counter("keephope.signatures.refused", "reason", reason).increment();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onConfirmed(SignatureConfirmed event) {
        confirmed.increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onErased(SignatureErased event) {
        erased.increment();
    }
}

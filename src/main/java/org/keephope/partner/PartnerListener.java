package org.keephope.partner;

import java.time.Clock;
import org.keephope.signature.SignatureConfirmed;
import org.keephope.signature.SignatureErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears the signature module, inside the transaction that confirmed or erased a signature: a confirmation
 * marks the partner rows confirmed (partners see and export only confirmed supporters); an erasure deletes
 * every partner's copy of the supporter. Both queue the partners' webhooks in the same transaction. The consent rows stay as anonymous evidence of what was shown. An
 * unconfirmed signature that is deleted takes all its partner rows with it (foreign keys, on delete cascade).
 */
@Component
class PartnerListener {

    private final PartnerRepository repository;
    private final Clock clock;
    private final Webhooks webhooks;

    PartnerListener(PartnerRepository repository, Clock clock, Webhooks webhooks) {
        this.repository = repository;
        this.clock = clock;
        this.webhooks = webhooks;
    }

    @EventListener
    void onConfirmed(SignatureConfirmed confirmed) {
        repository.confirmed(confirmed.signatureId(), clock.instant());
        webhooks.confirmed(confirmed.signatureId());
    }

    @EventListener
    void onErased(SignatureErased erased) {
        // who held a copy is read before the copies go, in the same transaction
        var holders = repository.holdersOf(erased.signatureId());
        repository.eraseCopies(erased.signatureId());
        webhooks.erased(erased.signatureId(), holders);
    }

    /** One partner's consent withdrawn: that partner hears {@code signature.erased}, in the same transaction. */
    @EventListener
    void onWithdrawn(PartnerConsentWithdrawn withdrawn) {
        webhooks.withdrawn(withdrawn.signatureId(), withdrawn.organisationId());
    }
}

package org.keephope.partner;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.keephope.audit.AuditLog;
import org.keephope.coalition.Organisation;
import org.keephope.coalition.Organisations;
import org.keephope.signature.SignerConsents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partners a signer opted in to, as the page behind the erase link lists them, and the withdrawal of one
 * (GDPR art. 7(3)): the consent row keeps what was shown and when it was ticked, and records when it was
 * withdrawn; that partner's copy (sealed to its key or with the host's) is deleted, so it leaves the partner's
 * counts, export and dashboard; the withdrawal is audited without personal data and
 * {@link PartnerConsentWithdrawn} is published, all in one transaction. The button's key is the organisation's
 * slug.
 */
@Component
class ConsentWithdrawal implements SignerConsents {

    private final PartnerRepository repository;
    private final Organisations organisations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsentWithdrawal(
            PartnerRepository repository,
            Organisations organisations,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Consent> consents(UUID signatureId, Locale locale) {
        List<PartnerRepository.Given> given = repository.given(signatureId);
        Map<Long, Organisation> orgs = organisations.byIds(
                given.stream().map(PartnerRepository.Given::organisationId).toList());
        return given.stream()
                .filter(g -> orgs.containsKey(g.organisationId()))
                .map(g -> {
                    Organisation o = orgs.get(g.organisationId());
                    return new Consent(o.slug(), o.name(), g.withdrawnAt() != null);
                })
                .toList();
    }

    @Override
    @Transactional
    public Outcome withdraw(UUID signatureId, String key, Locale locale) {
        Organisation organisation = organisations.bySlug(key).orElse(null);
        if (organisation == null) {
            return Outcome.UNKNOWN;
        }
        var given = repository.given(signatureId).stream()
                .filter(g -> g.organisationId() == organisation.id())
                .findFirst();
        if (given.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        // the update decides: of two clicks at once, one withdraws and the other finds it withdrawn
        if (!repository.withdraw(signatureId, organisation.id(), clock.instant())) {
            return new Outcome(Withdrawal.ALREADY_WITHDRAWN, organisation.name());
        }
        repository.eraseCopy(signatureId, organisation.id());
        long campaignId = given.get().campaignId();
        audit.record(
                "supporter", "partner.consent-withdrawn", "campaign", campaignId, "organisation " + organisation.id());
        events.publishEvent(new PartnerConsentWithdrawn(signatureId, organisation.id(), campaignId));
        return new Outcome(Withdrawal.WITHDRAWN, organisation.name());
    }
}

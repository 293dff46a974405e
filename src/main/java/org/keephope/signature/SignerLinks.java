package org.keephope.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.Outbox;
import org.keephope.privacy.Fingerprints;
import org.keephope.privacy.PersonalData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the links in a signer's mails do: confirm, ask for a new link, erase. */
@Service
@Transactional
public class SignerLinks {

    public enum State {
        /** No signature has this token (never had, or erased). */
        UNKNOWN,
        PENDING,
        EXPIRED,
        CONFIRMED
    }

    public record Link(State state, long campaignId) {}

    private final SignatureRepository repository;
    private final SignatureCounts counts;
    private final SignatureMails mails;
    private final Outbox outbox;
    private final PersonalData personalData;
    private final Campaigns campaigns;
    private final SigningProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignerLinks(
            SignatureRepository repository,
            SignatureCounts counts,
            SignatureMails mails,
            Outbox outbox,
            PersonalData personalData,
            Campaigns campaigns,
            SigningProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.counts = counts;
        this.mails = mails;
        this.outbox = outbox;
        this.personalData = personalData;
        this.campaigns = campaigns;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Link confirmLink(String token) {
        return repository
                .findByConfirmToken(Fingerprints.sha256(token))
                .map(s -> new Link(stateOf(s), s.campaignId()))
                .orElse(new Link(State.UNKNOWN, 0));
    }

    /** Confirms a pending signature; a second confirmation changes and counts nothing. */
    public Link confirm(String token) {
        var found = repository.findByConfirmToken(Fingerprints.sha256(token));
        if (found.isEmpty()) {
            return new Link(State.UNKNOWN, 0);
        }
        var s = found.get();
        State state = stateOf(s);
        if (state == State.PENDING && repository.confirm(s.id(), clock.instant())) {
            counts.countConfirmation(s.campaignId(), s.country());
            events.publishEvent(new SignatureConfirmed(s.id(), s.campaignId(), s.country()));
            return new Link(State.CONFIRMED, s.campaignId());
        }
        return new Link(state, s.campaignId());
    }

    /** A fresh link for an expired one, at most once per resend interval. */
    public boolean renew(String token) {
        var found = repository.findByConfirmToken(Fingerprints.sha256(token));
        if (found.isEmpty() || stateOf(found.get()) != State.EXPIRED) {
            return false;
        }
        var s = found.get();
        var contact = repository.contact(s.id()).orElseThrow();
        Instant now = clock.instant();
        if (contact.lastMailAt() != null
                && contact.lastMailAt().plus(properties.resendInterval()).isAfter(now)) {
            return true; // already sent recently: the same answer, no new mail
        }
        Locale locale = Locale.forLanguageTag(s.locale());
        String email = personalData.decrypt(contact.emailEnc(), Signing.EMAIL_CONTEXT);
        String firstName =
                personalData.decrypt(contact.nameEnc(), Signing.NAME_CONTEXT).split("\n", 2)[0];
        String title =
                campaigns.summary(s.campaignId(), locale).map(c -> c.title()).orElse("");
        String confirmToken = Signing.token();
        String eraseToken = Signing.token();
        repository.renewTokens(
                s.id(),
                Fingerprints.sha256(confirmToken),
                now.plus(properties.confirmationValidity()),
                Fingerprints.sha256(eraseToken),
                now);
        outbox.enqueue(
                mails.confirmation(email, firstName, title, confirmToken, eraseToken, locale),
                SignatureWriter.reference(s.id()));
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<Long> eraseLink(String token) {
        return repository.findByEraseToken(Fingerprints.sha256(token)).map(SignatureRepository.ByToken::campaignId);
    }

    /**
     * Erases a signer's personal data: an unconfirmed signature is deleted, a confirmed one keeps only its
     * campaign and country, so the count stays honest. Mail not yet sent to the signer is cancelled.
     */
    public boolean erase(String token) {
        var found = repository.findByEraseToken(Fingerprints.sha256(token));
        if (found.isEmpty()) {
            return false;
        }
        var s = found.get();
        outbox.forget(SignatureWriter.reference(s.id()));
        repository.erase(s.id(), s.status(), clock.instant());
        return true;
    }

    private State stateOf(SignatureRepository.ByToken s) {
        if (s.status().equals("CONFIRMED")) {
            return State.CONFIRMED;
        }
        return s.confirmExpiresAt() != null && s.confirmExpiresAt().isBefore(clock.instant())
                ? State.EXPIRED
                : State.PENDING;
    }
}

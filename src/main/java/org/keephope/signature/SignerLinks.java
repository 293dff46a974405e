package org.keephope.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.MailPriority;
import org.keephope.mail.Outbox;
import org.keephope.privacy.PersonalData;
import org.keephope.support.Sha256;
import org.keephope.support.Tokens;
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

    /** What a confirmation link confirms, as its page shows it: the choices that will count. */
    public record Details(
            String firstName,
            String lastName,
            String country,
            String comment,
            boolean showPublicly,
            boolean keepInformed) {}

    /**
     * A link's state, its campaign, and what it confirms (or confirmed); no details for an unknown link. The
     * signature's id is for the module's own pages (the receipt), never shown.
     */
    public record Link(State state, long campaignId, Details details, UUID signatureId) {

        static final Link UNKNOWN_LINK = new Link(State.UNKNOWN, 0, null, null);

        Link(State state, long campaignId, Details details) {
            this(state, campaignId, details, null);
        }
    }

    private final SignatureRepository repository;
    private final PendingChange changes;
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
            PendingChange changes,
            SignatureCounts counts,
            SignatureMails mails,
            Outbox outbox,
            PersonalData personalData,
            Campaigns campaigns,
            SigningProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.changes = changes;
        this.counts = counts;
        this.mails = mails;
        this.outbox = outbox;
        this.personalData = personalData;
        this.campaigns = campaigns;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** What a confirmation link would confirm: the first choices, or those of a form sent again. */
    @Transactional(readOnly = true)
    public Link confirmLink(String token) {
        return repository
                .findByConfirmToken(Sha256.of(token))
                .map(s -> new Link(stateOf(s), s.campaignId(), details(s), s.id()))
                .orElse(Link.UNKNOWN_LINK);
    }

    /**
     * Confirms a pending signature with the choices its link stands for: the first link confirms the
     * signature as it is (a change still waiting is dropped), a change's link applies that change. A second
     * confirmation changes and counts nothing.
     */
    public Link confirm(String token) {
        byte[] hash = Sha256.of(token);
        var found = repository.findByConfirmToken(hash);
        if (found.isEmpty()) {
            return Link.UNKNOWN_LINK;
        }
        var s = found.get();
        State state = stateOf(s);
        if (state == State.PENDING) {
            Instant now = clock.instant();
            String country = s.country();
            boolean confirmed;
            if (s.kind() == SignatureRepository.LinkKind.CHANGE && s.change() != null) {
                PendingChange.Choices choices = changes.open(s.change(), s.id());
                country = choices.country();
                confirmed = repository.confirmChange(s.id(), hash, choices, now);
            } else {
                confirmed = repository.confirm(s.id(), now);
            }
            if (confirmed) {
                counts.countConfirmation(s.campaignId(), country);
                events.publishEvent(new SignatureConfirmed(s.id(), s.campaignId(), country));
                return new Link(State.CONFIRMED, s.campaignId(), null);
            }
        }
        return new Link(state, s.campaignId(), null);
    }

    /**
     * Confirms a signature just imported through the API by a key allowed to (its signer confirmed elsewhere),
     * marked as imported: counted, logged and heard by other modules as any confirmation, with no thank-you mail.
     * False when the token names no pending signature (the address had signed: the import left it alone).
     */
    public boolean confirmImported(String token) {
        var found = repository.findByConfirmToken(Sha256.of(token));
        if (found.isEmpty() || stateOf(found.get()) != State.PENDING) {
            return false;
        }
        repository.markImported(found.get().id());
        return confirm(token).state() == State.CONFIRMED;
    }

    /** The supporter behind a confirmed signature whose data is kept (for letters and the like). */
    @Transactional(readOnly = true)
    public Optional<AfterConfirming.Supporter> supporter(java.util.UUID signatureId) {
        return repository.confirmed(signatureId).map(c -> {
            String[] name =
                    personalData.decrypt(c.nameEnc(), Signing.NAME_CONTEXT).split("\n", 2);
            return new AfterConfirming.Supporter(
                    signatureId, c.campaignId(), name[0], name.length > 1 ? name[1] : "", c.country(), c.locale());
        });
    }

    /** The supporter whose confirmation link this is, once it is confirmed. */
    @Transactional(readOnly = true)
    public Optional<AfterConfirming.Supporter> confirmedSupporter(String confirmToken) {
        return repository.confirmedByToken(Sha256.of(confirmToken)).flatMap(this::supporter);
    }

    /** A fresh link for an expired one (of the same kind), at most once per resend interval. */
    public boolean renew(String token) {
        var found = repository.findByConfirmToken(Sha256.of(token));
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
        byte[] emailEnc = contact.emailEnc();
        byte[] nameEnc = contact.nameEnc();
        String language = s.locale();
        if (s.kind() == SignatureRepository.LinkKind.CHANGE && s.change() != null) {
            PendingChange.Choices choices = changes.open(s.change(), s.id());
            emailEnc = choices.emailEnc();
            nameEnc = choices.nameEnc();
            language = choices.locale();
        }
        Locale locale = Locale.forLanguageTag(language);
        String email = personalData.decrypt(emailEnc, Signing.EMAIL_CONTEXT);
        String firstName = personalData.decrypt(nameEnc, Signing.NAME_CONTEXT).split("\n", 2)[0];
        String title =
                campaigns.summary(s.campaignId(), locale).map(c -> c.title()).orElse("");
        String confirmToken = Tokens.token();
        String eraseToken = Tokens.token();
        repository.renewTokens(
                s.id(),
                s.kind(),
                Sha256.of(confirmToken),
                now.plus(properties.confirmationValidity()),
                Sha256.of(eraseToken),
                now);
        outbox.enqueue(
                mails.confirmation(email, firstName, title, confirmToken, eraseToken, locale),
                SignatureWriter.reference(s.id()),
                MailPriority.CONFIRMATION);
        return true;
    }

    private Details details(SignatureRepository.ByToken s) {
        if (s.kind() == SignatureRepository.LinkKind.CHANGE && s.change() != null) {
            PendingChange.Choices c = changes.open(s.change(), s.id());
            return details(c.nameEnc(), c.country(), c.comment(), c.showPublicly(), c.keepInformed());
        }
        return repository
                .stored(s.id())
                .map(c -> details(c.nameEnc(), c.country(), c.comment(), c.showPublicly(), c.keepInformed()))
                .orElse(null);
    }

    private Details details(
            byte[] nameEnc, String country, String comment, boolean showPublicly, boolean keepInformed) {
        String[] name = nameEnc == null
                ? new String[] {"", ""}
                : personalData.decrypt(nameEnc, Signing.NAME_CONTEXT).split("\n", 2);
        return new Details(name[0], name.length > 1 ? name[1] : "", country, comment, showPublicly, keepInformed);
    }

    /** The signature whose erase link this is (the page behind it also withdraws consents). */
    @Transactional(readOnly = true)
    public Optional<UUID> signatureOfEraseLink(String token) {
        return repository.findByEraseToken(Sha256.of(token)).map(SignatureRepository.ByToken::id);
    }

    /**
     * Erases a signer's personal data: an unconfirmed signature is deleted, a confirmed one keeps only its
     * campaign and country, so the count stays honest. Mail not yet sent to the signer is cancelled.
     */
    public boolean erase(String token) {
        var found = repository.findByEraseToken(Sha256.of(token));
        if (found.isEmpty()) {
            return false;
        }
        var s = found.get();
        outbox.forget(SignatureWriter.reference(s.id()));
        repository.erase(s.id(), s.status(), clock.instant());
        return true;
    }

    private State stateOf(SignatureRepository.ByToken s) {
        if (s.status() == SignatureStatus.CONFIRMED) {
            return State.CONFIRMED;
        }
        return s.expiresAt() != null && s.expiresAt().isBefore(clock.instant()) ? State.EXPIRED : State.PENDING;
    }
}

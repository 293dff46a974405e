package org.keephope.target;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.Outbox;
import org.keephope.privacy.PersonalData;
import org.keephope.signature.AfterConfirming;
import org.keephope.signature.SignatureErased;
import org.keephope.signature.SignerLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters from supporters to the targets of their own country: the link offered after confirming, the form behind
 * it, queueing (sending is {@link LetterDispatcher}'s), the campaign's letter per language, and erasure with the
 * signature.
 */
@Service
@Transactional(readOnly = true)
public class Letters {

    /** What the letter link shows. */
    public enum State {
        /** The form: the letter can be written and sent. */
        WRITE,
        /** The letters of this link are queued or sent already: a link sends once. */
        SENT,
        EXPIRED,
        /** Not a link of ours, or its signature is erased or was never confirmed. */
        UNKNOWN,
        /** The campaign takes no more signatures, nor letters. */
        CLOSED,
        /** Letters are switched off for this campaign. */
        OFF,
        /** The campaign has no target for the supporter's country and no fallback target. */
        NOBODY
    }

    /** The letter page: its state, the campaign, the recipients, the supporter's name and country, the letter. */
    public record Page(
            State state,
            CampaignRef campaign,
            String campaignTitle,
            List<Target> recipients,
            String firstName,
            String lastName,
            String country,
            LetterForm letter) {}

    private final LetterRepository repository;
    private final LetterTokens tokens;
    private final Campaigns campaigns;
    private final Targets targets;
    private final SignerLinks signers;
    private final PersonalData crypto;
    private final Outbox outbox;
    private final LetterProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    Letters(
            LetterRepository repository,
            LetterTokens tokens,
            Campaigns campaigns,
            Targets targets,
            SignerLinks signers,
            PersonalData crypto,
            Outbox outbox,
            LetterProperties properties,
            MessageSource messages,
            Clock clock) {
        this.repository = repository;
        this.tokens = tokens;
        this.campaigns = campaigns;
        this.targets = targets;
        this.signers = signers;
        this.crypto = crypto;
        this.outbox = outbox;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Whom a supporter from {@code country} writes to: the campaign's active targets of that country, or, when
     * none is, its fallback targets.
     */
    public List<Target> recipients(long campaignId, String country, Locale locale) {
        List<CampaignTarget> all = targets.forCampaign(campaignId, locale);
        List<Target> own = all.stream()
                .map(CampaignTarget::target)
                .filter(t -> t.country().equalsIgnoreCase(country))
                .toList();
        if (!own.isEmpty()) {
            return own;
        }
        return all.stream()
                .filter(CampaignTarget::fallback)
                .map(CampaignTarget::target)
                .toList();
    }

    /** The mode that holds for a campaign: the more careful of the global one and the campaign's. */
    public LetterMode mode(long campaignId) {
        return properties.mode().and(repository.mode(campaignId));
    }

    /** A new letter link for a confirmed supporter, valid for {@code keephope.letters.link-validity}. */
    public String link(UUID signatureId) {
        return "/letters/" + tokens.issue(signatureId, clock.instant().plus(properties.linkValidity()));
    }

    /** What a confirmed supporter is offered: a link, when the campaign has someone for them to write to. */
    Optional<AfterConfirming.Offer> offer(AfterConfirming.Supporter supporter, Locale locale) {
        Page page = page(supporter, locale);
        if (page.state() != State.WRITE) {
            return Optional.empty();
        }
        String names =
                String.join(", ", page.recipients().stream().map(Target::name).toList());
        return Optional.of(new AfterConfirming.Offer(
                t("letter.offer.heading", locale),
                t("letter.offer.text", locale, names),
                t("letter.offer.button", locale),
                link(supporter.signatureId())));
    }

    /** What a letter link shows now. */
    public Page open(String token, Locale locale) {
        var opened = tokens.open(token);
        if (opened.isEmpty()) {
            return empty(State.UNKNOWN);
        }
        if (!clock.instant().isBefore(opened.get().expiresAt())) {
            return empty(State.EXPIRED);
        }
        return signers.supporter(opened.get().signatureId())
                .map(s -> page(s, locale))
                .orElse(empty(State.UNKNOWN));
    }

    /**
     * Queues the letter of a link to each of its recipients who has none from this supporter yet; the form has been
     * validated. Returns the page as it is afterwards (SENT), or as it was when the link cannot send.
     */
    @Transactional
    public Page queue(String token, LetterForm letter, Locale locale) {
        Page page = open(token, locale);
        if (page.state() != State.WRITE) {
            return page;
        }
        UUID signatureId = tokens.open(token).orElseThrow().signatureId();
        Instant now = clock.instant();
        for (Target target : page.recipients()) {
            LetterPayload payload = new LetterPayload(
                    page.firstName(),
                    page.lastName(),
                    page.country(),
                    locale.getLanguage(),
                    letter.subject().strip(),
                    letter.text().strip());
            repository.ensureSending(page.campaign().id(), target.id(), properties.hourlyCap());
            repository.queue(
                    page.campaign().id(),
                    target.id(),
                    signatureId,
                    payload.seal(crypto, signatureId, target.id()),
                    now);
        }
        return new Page(
                State.SENT,
                page.campaign(),
                page.campaignTitle(),
                page.recipients(),
                page.firstName(),
                page.lastName(),
                page.country(),
                letter);
    }

    /** The campaign's letter in a language as staff wrote it, else in English, else the built-in one. */
    public LetterForm template(long campaignId, Locale locale, String campaignTitle) {
        return repository
                .template(campaignId, locale.getLanguage())
                .or(() -> repository.template(campaignId, "en"))
                .map(t -> new LetterForm(t.subject(), t.body(), false))
                .orElseGet(() -> new LetterForm(
                        t("letter.default.subject", locale, campaignTitle),
                        t("letter.default.text", locale, campaignTitle),
                        false));
    }

    /** The letter staff wrote for a language, if any. */
    public Optional<LetterForm> ownTemplate(long campaignId, String language) {
        return repository.template(campaignId, language).map(t -> new LetterForm(t.subject(), t.body(), false));
    }

    /** Sets (or, both blank, removes) the campaign's letter in a language. */
    @Transactional
    public void setTemplate(long campaignId, String language, String subject, String text) {
        if ((subject == null || subject.isBlank()) && (text == null || text.isBlank())) {
            repository.deleteTemplate(campaignId, language);
        } else {
            repository.saveTemplate(campaignId, language, subject.strip(), text.strip());
        }
    }

    /** A supporter's data is erased: so are their letters (unsent ones with their mail; sent ones stay a number). */
    @EventListener
    @Transactional
    void onErased(SignatureErased erased) {
        for (long id : repository.ofSignature(erased.signatureId())) {
            outbox.forget(LetterDispatcher.reference(id));
        }
        repository.erase(erased.signatureId());
    }

    /** The mail server refused a letter's address for good: the letter is bounced, the address gets no more. */
    @EventListener
    @Transactional
    void onRefused(org.keephope.mail.MailRefused refused) {
        String reference = refused.reference();
        if (reference != null
                && reference.startsWith("letter:")
                && reference.substring(7).matches("[0-9]{1,18}")) {
            repository.bounce(Long.parseLong(reference.substring(7)), clock.instant());
        }
    }

    private Page page(AfterConfirming.Supporter supporter, Locale locale) {
        CampaignRef campaign = campaigns.ref(supporter.campaignId()).orElse(null);
        if (campaign == null) {
            return empty(State.UNKNOWN);
        }
        String title =
                campaigns.summary(campaign.id(), locale).map(c -> c.title()).orElse("");
        State state;
        List<Target> recipients = recipients(campaign.id(), supporter.country(), locale);
        if (!campaign.takesSignatures(clock.instant())) {
            state = State.CLOSED;
        } else if (mode(campaign.id()) == LetterMode.OFF) {
            state = State.OFF;
        } else if (recipients.isEmpty()) {
            state = State.NOBODY;
        } else {
            Set<Long> written = repository.lettersOf(supporter.signatureId());
            state = recipients.stream().allMatch(t -> written.contains(t.id())) ? State.SENT : State.WRITE;
        }
        return new Page(
                state,
                campaign,
                title,
                recipients,
                supporter.firstName(),
                supporter.lastName(),
                supporter.country(),
                template(campaign.id(), locale, title));
    }

    private static Page empty(State state) {
        return new Page(state, null, null, List.of(), null, null, null, null);
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

package org.keephope.signature;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.SigningTarget;
import org.keephope.privacy.EmailAddress;
import org.keephope.privacy.Fingerprints;
import org.keephope.privacy.PersonalData;
import org.keephope.support.DatabaseOutage;
import org.keephope.support.Sha256;
import org.keephope.support.Tokens;
import org.keephope.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The signature module's facade for the sign form: what a campaign page shows and what a submission does. */
@Service
public class Signing {

    static final String EMAIL_MAC = "signature.email";
    static final String EMAIL_CONTEXT = "signature.email";
    static final String NAME_CONTEXT = "signature.name";

    private final SignatureWriter writer;
    private final SignatureCounts counts;
    private final SignatureMails mails;
    private final FormStamp stamps;
    private final RateLimiter limiter;
    private final PersonalData personalData;
    private final Fingerprints fingerprints;
    private final SigningProperties properties;
    private final SiteProperties site;
    private final Clock clock;
    private final SigningMetrics metrics;
    private final List<SignatureAttachment<?>> attachments;
    private final SignerLinks links;
    private final Validator validator;
    private final MessageSource messages;

    Signing(
            SignatureWriter writer,
            SignatureCounts counts,
            SignatureMails mails,
            FormStamp stamps,
            RateLimiter limiter,
            PersonalData personalData,
            Fingerprints fingerprints,
            SigningProperties properties,
            SiteProperties site,
            Clock clock,
            SigningMetrics metrics,
            List<SignatureAttachment<?>> attachments,
            SignerLinks links,
            Validator validator,
            MessageSource messages) {
        this.links = links;
        this.validator = validator;
        this.messages = messages;
        this.metrics = metrics;
        this.attachments = List.copyOf(attachments);
        this.writer = writer;
        this.counts = counts;
        this.mails = mails;
        this.stamps = stamps;
        this.limiter = limiter;
        this.personalData = personalData;
        this.fingerprints = fingerprints;
        this.properties = properties;
        this.site = site;
        this.clock = clock;
    }

    /** A blank form with a fresh stamp, or the supporter's form back with errors beside the fields. */
    public SignPanel panel(
            CampaignRef campaign, Locale locale, SignForm form, Map<String, String> errors, String notice) {
        SignForm shown = (form == null ? SignForm.empty() : form).withStamp(stamps.issue(campaign.id()));
        return new SignPanel(
                campaign.slug(),
                campaign.takesSignatures(clock.instant()),
                counts.tally(campaign.id()),
                campaign.signatureGoal(),
                shown,
                errors,
                Countries.all(locale),
                notice);
    }

    public boolean isOpen(CampaignRef campaign) {
        return campaign.takesSignatures(clock.instant());
    }

    public SignForm emptyForm() {
        return SignForm.empty();
    }

    /**
     * Whether a POST may come from where its headers say it comes from: our own pages (also when embedded
     * elsewhere, since the form is ours), a configured partner origin, or a client that sends neither
     * header (old browsers, curl). Cross-site posts from any other site are refused.
     *
     * @param ownOrigin the origin this request was addressed to (scheme, Host header)
     */
    public boolean fromAllowedOrigin(String origin, String fetchSite, String ownOrigin) {
        String site = fetchSite == null ? "" : fetchSite.trim().toLowerCase(Locale.ROOT);
        if (site.equals("same-origin") || site.equals("none")) {
            return true;
        }
        boolean hasOrigin = origin != null && !origin.isBlank() && !origin.equals("null");
        if (hasOrigin) {
            return origin.equals(ownOrigin)
                    || origin.equals(originOf(this.site.baseUrl()))
                    || properties.allowedOrigins().contains(origin);
        }
        return site.isEmpty();
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /**
     * The sign form posted to one of our pages ({@code page}: the campaign page or the embed), start to end:
     * the origin check (403 for a cross-site post), the campaign (looked up only after that check), the
     * form's fields, whether the campaign takes signatures, each field's error in the reader's language, then
     * {@link #sign(CampaignRef, String, SignForm, Map, String, Locale, String) signing} with the honeypot, the
     * stamp and the rate limits. The client's address is used for rate limiting in memory only.
     */
    public SignSubmission submit(
            HttpServletRequest request,
            Supplier<SigningTarget> target,
            Map<String, String> params,
            String page,
            Locale locale) {
        OriginGuard.check(this, request);
        SigningTarget campaign = target.get();
        CampaignRef ref = campaign.ref();
        SignForm form = SignFormInput.from(params);
        if (!isOpen(ref)) {
            return new SignSubmission(SignSubmission.Result.NOT_OPEN, ref, form, Map.of());
        }
        Map<String, String> errors = SignFormInput.errors(form, validator, messages, locale);
        if (!errors.isEmpty()) {
            return new SignSubmission(SignSubmission.Result.INVALID, ref, form, errors);
        }
        SignSubmission.Result result =
                switch (sign(ref, campaign.title(), form, params, page, locale, request.getRemoteAddr())) {
                    case ACCEPTED -> SignSubmission.Result.ACCEPTED;
                    case SHOW_AGAIN -> SignSubmission.Result.SHOW_AGAIN;
                    case NOT_OPEN -> SignSubmission.Result.NOT_OPEN;
                    case RATE_LIMITED -> SignSubmission.Result.RATE_LIMITED;
                };
        return new SignSubmission(result, ref, form, Map.of());
    }

    /**
     * Takes a validated form. Returns once the signature and its confirmation mail are committed, or says
     * why not. The client key (its address) is used for rate limiting in memory only, never stored.
     */
    public SignOutcome sign(
            CampaignRef campaign, String campaignTitle, SignForm form, Locale locale, String clientKey) {
        return sign(campaign, campaignTitle, form, Map.of(), "/campaigns/" + campaign.slug(), locale, clientKey);
    }

    /**
     * As {@link #sign(CampaignRef, String, SignForm, Locale, String)}, with every field the form sent and the
     * page it was on, for the {@link SignatureAttachment}s of other modules (consent per partner, attribution).
     */
    public SignOutcome sign(
            CampaignRef campaign,
            String campaignTitle,
            SignForm form,
            Map<String, String> params,
            String page,
            Locale locale,
            String clientKey) {
        SignOutcome outcome = signOnce(campaign, campaignTitle, form, params, page, locale, clientKey);
        metrics.outcome(outcome, form.website() != null && !form.website().isEmpty());
        return outcome;
    }

    private SignOutcome signOnce(
            CampaignRef campaign,
            String campaignTitle,
            SignForm form,
            Map<String, String> params,
            String page,
            Locale locale,
            String clientKey) {
        Instant now = clock.instant();
        if (!campaign.takesSignatures(now)) {
            return SignOutcome.NOT_OPEN;
        }
        if (form.website() != null && !form.website().isEmpty()) {
            return SignOutcome.ACCEPTED; // the honeypot: a bot filled in a field people never see
        }
        if (stamps.check(form.stamp(), campaign.id()) != FormStamp.Verdict.OK) {
            return SignOutcome.SHOW_AGAIN;
        }
        String canonical = EmailAddress.canonical(form.email());
        if (!limiter.allow("client", clientKey, properties.clientLimitPerHour())
                || !limiter.allow("address", canonical, properties.addressLimitPerHour())) {
            return SignOutcome.RATE_LIMITED;
        }
        return write(campaign, campaignTitle, form, params, page, locale, canonical, now, false);
    }

    /**
     * A signature sent through the API by a key holding {@code write:signatures} (a partner's own form, a
     * CRM): the same validation, attachments, confirmation mail and writer as the sign form. There is no form
     * stamp or honeypot (the key was checked and is rate limited per minute); the per-address limit holds as
     * on the form, so a key cannot mail one address over and over.
     *
     * @param params fields for the attachments, as the form's ({@code src}: the partner a partner's key
     *     attributes its signatures to)
     * @param page where the signature came from, recorded with attachments (e.g. {@code /api/v1})
     */
    public SignOutcome signFromApi(
            CampaignRef campaign,
            String campaignTitle,
            SignForm form,
            Map<String, String> params,
            String page,
            Locale locale) {
        Instant now = clock.instant();
        SignOutcome outcome;
        if (!campaign.takesSignatures(now)) {
            outcome = SignOutcome.NOT_OPEN;
        } else {
            String canonical = EmailAddress.canonical(form.email());
            outcome = limiter.allow("address", canonical, properties.addressLimitPerHour())
                    ? write(campaign, campaignTitle, form, Map.copyOf(params), page, locale, canonical, now, false)
                    : SignOutcome.RATE_LIMITED;
        }
        metrics.outcome(outcome, false);
        return outcome;
    }

    /**
     * A signature imported as already confirmed, by a staff key an admin allowed to (its signer confirmed
     * elsewhere): validated and written as {@link #signFromApi} does, with the attachments, but no mail at all;
     * confirmed at once (counted, logged, heard by other modules) and marked imported. An address that had
     * signed is left as it was, and the answer is the same.
     */
    public SignOutcome importConfirmed(
            CampaignRef campaign,
            String campaignTitle,
            SignForm form,
            Map<String, String> params,
            String page,
            Locale locale) {
        Instant now = clock.instant();
        SignOutcome outcome = campaign.takesSignatures(now)
                ? write(
                        campaign,
                        campaignTitle,
                        form,
                        Map.copyOf(params),
                        page,
                        locale,
                        EmailAddress.canonical(form.email()),
                        now,
                        true)
                : SignOutcome.NOT_OPEN;
        metrics.outcome(outcome, false);
        return outcome;
    }

    private SignOutcome write(
            CampaignRef campaign,
            String campaignTitle,
            SignForm form,
            Map<String, String> params,
            String page,
            Locale locale,
            String canonical,
            Instant now,
            boolean imported) {
        String confirmToken = Tokens.token();
        String eraseToken = Tokens.token();
        String email = form.email().trim();
        String firstName = form.firstName().strip();
        UUID id = UUID.randomUUID();
        var draft = new SignatureAttachment.Draft(
                id,
                campaign.id(),
                email,
                firstName,
                form.lastName().strip(),
                form.country(),
                locale.getLanguage(),
                now,
                page,
                params);
        List<NewSignature.Attached<?>> attached = new java.util.ArrayList<>();
        // attachments read what they need (a campaign's partners): a restarting database is waited out
        DatabaseOutage.retrying(() -> {
            attached.clear();
            for (SignatureAttachment<?> attachment : attachments) {
                prepare(attachment, draft, attached);
            }
        });
        NewSignature signature = new NewSignature(
                id,
                campaign.id(),
                fingerprints.of(EMAIL_MAC, canonical),
                personalData.encrypt(email, EMAIL_CONTEXT),
                personalData.encrypt(firstName + "\n" + form.lastName().strip(), NAME_CONTEXT),
                form.showPublicly() ? firstName : null,
                form.country(),
                form.trimmedComment(),
                form.showPublicly(),
                form.keepInformed(),
                locale.getLanguage(),
                properties.consentVersion(),
                now,
                Sha256.of(confirmToken),
                now.plus(properties.confirmationValidity()),
                Sha256.of(eraseToken),
                imported ? null : mails.confirmation(email, firstName, campaignTitle, confirmToken, eraseToken, locale),
                imported ? null : () -> mails.alreadySigned(email, firstName, campaignTitle, eraseToken, locale),
                List.copyOf(attached));
        try {
            writer.submit(signature).get(30, TimeUnit.SECONDS);
            if (imported) {
                links.confirmImported(confirmToken);
            }
            return SignOutcome.ACCEPTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignatureNotStored(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SignatureNotStored(e);
        }
    }

    private static <P> void prepare(
            SignatureAttachment<P> attachment,
            SignatureAttachment.Draft draft,
            List<NewSignature.Attached<?>> attached) {
        P prepared = attachment.prepare(draft);
        if (prepared != null) {
            attached.add(new NewSignature.Attached<>(attachment, prepared));
        }
    }

    /** Countries a form may name. */
    public static boolean isCountry(String code) {
        return Countries.isValid(code);
    }
}

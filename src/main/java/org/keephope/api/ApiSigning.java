package org.keephope.api;

import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.keephope.apikey.ApiKey;
import org.keephope.audit.AuditLog;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.SigningTarget;
import org.keephope.partner.PartnerSupporters;
import org.keephope.signature.SignForm;
import org.keephope.signature.SignOutcome;
import org.keephope.signature.Signing;
import org.keephope.web.SupportedLocales;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signature sent through the API (v1's POST, OSDI's record signature helper): the body read strictly,
 * validated by the sign form's own constraints (the same messages, in English), signed through
 * {@link Signing#signFromApi} and audited with the key as actor and the outcome, never the address.
 */
@Component
class ApiSigning {

    static final String ACCEPTED =
            "If this address has not signed yet, it gets a confirmation link by email; the signature counts once confirmed.";

    private final Campaigns campaigns;
    private final Signing signing;
    private final AuditLog audit;
    private final Validator validator;
    private final MessageSource messages;
    private final JsonMapper json;
    private final PartnerSupporters partners;

    ApiSigning(
            PartnerSupporters partners,
            Campaigns campaigns,
            Signing signing,
            AuditLog audit,
            Validator validator,
            MessageSource messages,
            JsonMapper json) {
        this.partners = partners;
        this.campaigns = campaigns;
        this.signing = signing;
        this.audit = audit;
        this.validator = validator;
        this.messages = messages;
        this.json = json;
    }

    JsonMapper json() {
        return json;
    }

    /**
     * The public campaign a signature is for, or a 404 problem; for a partner's key, a campaign its
     * organisation is a partner of, or a 403 problem (also when there is no such campaign).
     */
    SigningTarget target(ApiKey key, String slug) {
        if (key.organisationId() != null
                && partners.campaignOf(key.organisationId(), slug).isEmpty()) {
            throw ApiProblem.notPartner();
        }
        return campaigns
                .signingTarget(slug, SupportedLocales.ENGLISH)
                .orElseThrow(
                        () -> key.organisationId() == null ? ApiProblem.notFound("campaign") : ApiProblem.notPartner());
    }

    /**
     * Validates and signs; returns normally when accepted (whether or not the address had signed), else
     * throws the problem (422, 409, 429).
     *
     * @param fieldNames how the caller's format names our fields in {@code errors} (OSDI's
     *     {@code person.given_name}); a field not named keeps its v1 name
     */
    void submit(
            ApiKey key,
            SigningTarget target,
            SignatureJson.NewSignature sent,
            String page,
            Map<String, String> fieldNames) {
        Locale locale = sent.language() == null || sent.language().isBlank()
                ? SupportedLocales.ENGLISH
                : SupportedLocales.match(sent.language()).orElse(null);
        SignForm form = new SignForm(
                sent.firstName(),
                sent.lastName(),
                sent.email(),
                sent.country(),
                sent.comment(),
                Boolean.TRUE.equals(sent.showPublicly()),
                Boolean.TRUE.equals(sent.keepInformed()),
                "",
                null);
        boolean importing = Boolean.TRUE.equals(sent.confirmed());
        if (importing && !key.importsConfirmed()) {
            throw ApiProblem.mayNotImport();
        }
        Map<String, String> errors = validate(form);
        if (locale == null) {
            errors.put("language", "one of en, ru");
        }
        if (!errors.isEmpty()) {
            Map<String, String> named = new TreeMap<>();
            errors.forEach((field, error) -> named.put(fieldNames.getOrDefault(field, field), error));
            throw ApiProblem.invalid(named);
        }
        // the title in the signer's language, for the confirmation mail
        String title = campaigns
                .signingTarget(target.ref().slug(), locale)
                .map(SigningTarget::title)
                .orElse(target.title());
        // a partner's key attributes what it sends to its partner, as the partner's ?src= link does
        Map<String, String> params =
                key.organisationId() == null ? Map.of() : Map.of("src", partners.slugOf(key.organisationId()));
        SignOutcome outcome = importing
                ? signing.importConfirmed(target.ref(), title, form, params, page, locale)
                : signing.signFromApi(target.ref(), title, form, params, page, locale);
        audit.record(
                key.actor(),
                importing ? "signature.api-import" : "signature.api-submit",
                "campaign",
                target.ref().id(),
                outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        switch (outcome) {
            case ACCEPTED, SHOW_AGAIN -> {
                // one answer for new and known addresses
            }
            case NOT_OPEN -> throw ApiProblem.notOpen();
            case RATE_LIMITED -> throw ApiProblem.tooManyForAddress();
        }
    }

    /** The v1 body, strictly: unknown fields, wrong types and trailing data are a 400 problem. */
    SignatureJson.NewSignature read(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badBody("A JSON object is required.");
        }
        try {
            SignatureJson.NewSignature sent = json.readerFor(SignatureJson.NewSignature.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(body);
            if (sent == null) {
                throw ApiProblem.badBody("A JSON object is required.");
            }
            return sent;
        } catch (UnrecognizedPropertyException e) {
            String name = e.getPropertyName();
            throw ApiProblem.badBody(
                    name != null && name.matches("[A-Za-z0-9_]{1,40}")
                            ? "Unknown field '" + name + "'."
                            : "The body has a field this API does not know.");
        } catch (JacksonException e) {
            throw ApiProblem.badBody("The body is not JSON of the expected shape.");
        }
    }

    private Map<String, String> validate(SignForm form) {
        Map<String, String> errors = new TreeMap<>();
        for (var violation : validator.validate(form)) {
            errors.putIfAbsent(
                    violation.getPropertyPath().toString(),
                    messages.getMessage(violation.getMessage(), null, violation.getMessage(), Locale.ENGLISH));
        }
        if (!errors.containsKey("country") && !Signing.isCountry(form.country())) {
            errors.put("country", messages.getMessage("sign.error.country", null, Locale.ENGLISH));
        }
        return errors;
    }
}

package org.keephope.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The signature answers and the body of a new signature. */
final class SignatureJson {

    private SignatureJson() {}

    @Schema(
            name = "Signature",
            description = "A signature. Pending ones show no personal data (the address's owner has not confirmed"
                    + " yet); confirmed ones show name and email only when the signer asked to be kept informed,"
                    + " the first name as shown when they chose to be shown, and the comment once approved. A partner's"
                    + " key reads only the confirmed supporters who opted in to that partner, with what they agreed it"
                    + " may have (email, names, country, language) and the consent they gave; when the partner has"
                    + " registered a public key those fields are null and 'sealed' holds them, sealed to it.")
    record Entry(
            UUID id,

            @Schema(allowableValues = {"confirmed", "pending"})
            String status,

            String country,
            String language,
            Instant createdAt,
            Instant confirmedAt,
            Boolean keepInformed,
            Boolean showPublicly,
            String firstName,
            String lastName,
            String email,
            String publicName,
            String comment,

            @Schema(
                    description = "The partner (organisation slug) the signature came through (?src= or a partner's"
                            + " key); for a partner's key only when it is that partner.")
            String source,

            @Schema(
                    description = "Partner keys: the partner's organisation id (as in its export; part of what"
                            + " 'sealed' is bound to).")
            Long organisationId,

            @Schema(description = "Partner keys: the version of the consent text the supporter ticked.")
            Integer consentVersion,

            @Schema(description = "Partner keys: the language of that consent text.")
            String consentLocale,

            @Schema(
                    description = "Partner keys, when the partner registered a public key: email, names, country and"
                            + " language sealed to it (Tink HPKE, base64, as the export's 'sealed'); null otherwise.")
            String sealed) {

        static Entry of(org.keephope.signature.SignatureFeed.Entry e, String source) {
            return new Entry(
                    e.id(),
                    e.status().name().toLowerCase(java.util.Locale.ROOT),
                    e.country(),
                    e.language(),
                    e.createdAt(),
                    e.confirmedAt(),
                    e.keepInformed(),
                    e.showPublicly(),
                    e.firstName(),
                    e.lastName(),
                    e.email(),
                    e.publicName(),
                    e.comment(),
                    source,
                    null,
                    null,
                    null,
                    null);
        }

        static Entry of(org.keephope.partner.PartnerSupporters.Supporter s) {
            return new Entry(
                    s.signatureId(),
                    "confirmed",
                    s.country(),
                    s.language(),
                    null,
                    s.confirmedAt(),
                    null,
                    null,
                    s.firstName(),
                    s.lastName(),
                    s.email(),
                    null,
                    null,
                    s.source(),
                    s.organisationId(),
                    s.consentVersion(),
                    s.consentLocale(),
                    s.sealed() == null ? null : java.util.Base64.getEncoder().encodeToString(s.sealed()));
        }
    }

    @Schema(
            name = "SignaturePage",
            description =
                    "A page of signatures, oldest first; 'next' is the cursor of the next page, null after the last.")
    record Page(String campaign, String status, List<Entry> data, String next, Links links) {}

    @Schema(name = "SignatureLinks")
    record Links(String next) {}

    @Schema(
            name = "NewSignature",
            description = "A signature on a supporter's behalf. It counts only once the supporter confirms it through"
                    + " the email we send them, as on the campaign page.")
    record NewSignature(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 60)
            String firstName,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 60)
            String lastName,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 254)
            String email,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 3166-1 alpha-2", example = "DE")
            String country,

            @Schema(maxLength = 500) String comment,

            @Schema(description = "Show the first name in the public list (default false).")
            Boolean showPublicly,

            @Schema(description = "The signer agrees to hear about the campaign (default false).")
            Boolean keepInformed,

            @Schema(
                    description = "Language of the confirmation email.",
                    allowableValues = {"en", "ru"},
                    example = "en")
            String language,

            @Schema(
                    description = "Import as already confirmed: no confirmation email, counted at once. Only for"
                            + " a staff key an admin allowed to import confirmed signatures (403 otherwise); audited as"
                            + " signature.api-import. For supporters who confirmed elsewhere.")
            Boolean confirmed) {}

    @Schema(
            name = "Accepted",
            description = "The same answer whether or not the address had signed already, so the API does not tell"
                    + " who has signed.")
    record Accepted(String status, String detail) {}
}

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
                    + " the first name as shown when they chose to be shown, and the comment once approved.")
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
            String comment) {}

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
            String language) {}

    @Schema(
            name = "Accepted",
            description = "The same answer whether or not the address had signed already, so the API does not tell"
                    + " who has signed.")
    record Accepted(String status, String detail) {}
}

package org.keephope.signature;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.keephope.web.FormPatterns;

/**
 * What a supporter sends. {@code website} is a honeypot that people never see; {@code stamp} is the signed
 * time the form was served.
 */
public record SignForm(
        @NotBlank(message = "sign.error.required")
        @Size(max = 60, message = "sign.error.tooLong")
        @Pattern(regexp = NO_CONTROL, message = "sign.error.control")
        String firstName,

        @NotBlank(message = "sign.error.required")
        @Size(max = 60, message = "sign.error.tooLong")
        @Pattern(regexp = NO_CONTROL, message = "sign.error.control")
        String lastName,

        @NotBlank(message = "sign.error.required")
        @Size(max = 254, message = "sign.error.tooLong")
        @Email(message = "sign.error.email")
        @Pattern(regexp = FormPatterns.EMAIL, message = "sign.error.email")
        String email,

        @NotBlank(message = "sign.error.country") String country,

        @Size(max = 500, message = "sign.error.commentTooLong")
        @Pattern(regexp = NO_CONTROL_MULTILINE, message = "sign.error.control")
        String comment,

        boolean showPublicly,
        boolean keepInformed,
        String website,
        String stamp) {

    /** No control characters at all (names, email). */
    static final String NO_CONTROL = "[^\\x00-\\x1F\\x7F]*";

    /** No control characters but line breaks and tabs (comment). */
    static final String NO_CONTROL_MULTILINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    static SignForm empty() {
        return new SignForm("", "", "", "", "", false, false, "", null);
    }

    SignForm withStamp(String newStamp) {
        return new SignForm(firstName, lastName, email, country, comment, showPublicly, keepInformed, "", newStamp);
    }

    String trimmedComment() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}

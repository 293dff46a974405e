package org.keephope.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.keephope.web.FormPatterns;

/**
 * A target's response as staff record it: the target (its id), the day (yyyy-mm-dd), a summary in one language
 * ({@code language}), and an optional link to the response itself (a letter, a statement, a document online).
 * Whether the target is the campaign's and the day not ahead is checked by {@link Responses#record}.
 */
public record ResponseForm(
        @NotBlank(message = "form.error.required") String target,

        @NotBlank(message = "form.error.required") @Pattern(regexp = DeliveryForm.DATE, message = "delivery.error.date")
        String respondedOn,

        @NotBlank(message = "form.error.required")
        @Size(max = 2000, message = "form.error.tooLong")
        @Pattern(regexp = FormPatterns.TEXT, message = "delivery.error.control")
        String summary,

        @Size(max = 500, message = "form.error.tooLong")
        @Pattern(regexp = FormPatterns.OPTIONAL_WEB_ADDRESS, message = "form.error.website")
        String link,

        @NotBlank(message = "form.error.required") @Pattern(regexp = "en|ru", message = "delivery.error.language")
        String language) {

    public ResponseForm {
        target = nn(target);
        respondedOn = nn(respondedOn).strip();
        summary = nn(summary).replace("\r\n", "\n");
        link = nn(link).strip();
        language = nn(language);
    }

    static ResponseForm empty(String today, String language) {
        return new ResponseForm("", today, "", "", language);
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}

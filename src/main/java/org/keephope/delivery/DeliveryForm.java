package org.keephope.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.keephope.web.FormPatterns;

/**
 * A delivery as staff record it: the target (its id), the day (yyyy-mm-dd), how (a {@link DeliveryMethod} value),
 * by whom, a note, and the SHA-256 of the package delivered. What the record must also be (a target of the
 * campaign, a package made for it, not a day ahead) is checked by {@link Deliveries#record}.
 */
public record DeliveryForm(
        @NotBlank(message = "form.error.required") String target,

        @NotBlank(message = "form.error.required") @Pattern(regexp = DATE, message = "delivery.error.date")
        String deliveredOn,

        @NotBlank(message = "form.error.required") String method,

        @NotBlank(message = "form.error.required")
        @Size(max = 200, message = "form.error.tooLong")
        @Pattern(regexp = FormPatterns.NO_CONTROLS, message = "delivery.error.control")
        String deliveredBy,

        @Size(max = 2000, message = "form.error.tooLong")
        @Pattern(regexp = FormPatterns.TEXT, message = "delivery.error.control")
        String note,

        @NotBlank(message = "delivery.error.package") @Pattern(regexp = SHA256, message = "delivery.error.package")
        String sha256) {

    static final String DATE = "|[0-9]{4}-[0-9]{2}-[0-9]{2}";
    static final String SHA256 = "|[0-9a-fA-F]{64}";

    public DeliveryForm {
        target = nn(target);
        deliveredOn = nn(deliveredOn).strip();
        method = nn(method);
        deliveredBy = nn(deliveredBy);
        note = nn(note).replace("\r\n", "\n");
        sha256 = nn(sha256).strip();
    }

    static DeliveryForm empty(String today, String sha256) {
        return new DeliveryForm("", today, "", "", "", sha256);
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}

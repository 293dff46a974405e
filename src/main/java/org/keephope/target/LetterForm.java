package org.keephope.target;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.keephope.web.FormPatterns;

/**
 * A supporter's letter as they send it: the subject and text they may have edited, and their agreement that their
 * name and country are sent with it. No control character but line breaks and tabs in the text, none in the subject.
 */
public record LetterForm(
        @NotBlank(message = "form.error.required")
        @Size(max = 200, message = "letter.error.subjectTooLong")
        @Pattern(regexp = FormPatterns.NO_CONTROLS, message = "letter.error.control")
        String subject,

        @NotBlank(message = "form.error.required")
        @Size(max = MAX_TEXT, message = "letter.error.tooLong")
        @Pattern(regexp = FormPatterns.TEXT, message = "letter.error.control")
        String text,

        @AssertTrue(message = "letter.error.agree") boolean agree) {

    public static final int MAX_TEXT = 5000;

    public LetterForm {
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text.replace("\r\n", "\n");
    }
}

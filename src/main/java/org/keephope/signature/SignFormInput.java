package org.keephope.signature;

import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** The sign form as posted to the campaign page and to the embed: one reading, one set of field errors. */
final class SignFormInput {

    private SignFormInput() {}

    static SignForm from(Map<String, String> params) {
        return new SignForm(
                params.get("firstName"),
                params.get("lastName"),
                params.get("email"),
                params.get("country"),
                params.get("comment"),
                params.containsKey("showPublicly"),
                params.containsKey("keepInformed"),
                params.get("website"),
                params.get("stamp"));
    }

    /** Each field's first error, in the reader's language; empty when the form is valid. */
    static Map<String, String> errors(SignForm form, Validator validator, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (var violation : validator.validate(form)) {
            String field = violation.getPropertyPath().toString();
            errors.putIfAbsent(field, messages.getMessage(violation.getMessage(), null, locale));
        }
        if (!errors.containsKey("country") && !Signing.isCountry(form.country())) {
            errors.put("country", messages.getMessage("sign.error.country", null, locale));
        }
        return errors;
    }
}

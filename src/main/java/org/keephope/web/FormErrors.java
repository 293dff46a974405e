package org.keephope.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Errors of a staff form, by field, as message keys: the template shows each beside its field in the
 * reader's language. The first error of a field wins.
 */
public final class FormErrors {

    private final Map<String, String> keys = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Bean Validation messages are message keys; a value that did not even convert is "invalid". */
    public static FormErrors of(BindingResult result) {
        FormErrors errors = new FormErrors();
        for (FieldError error : result.getFieldErrors()) {
            String key = error.isBindingFailure() || error.getDefaultMessage() == null
                    ? "form.error.invalid"
                    : error.getDefaultMessage();
            errors.keys.putIfAbsent(error.getField(), key);
        }
        return errors;
    }

    public FormErrors add(String field, String key) {
        keys.putIfAbsent(field, key);
        return this;
    }

    public boolean has(String field) {
        return keys.containsKey(field);
    }

    public String key(String field) {
        return keys.get(field);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }
}

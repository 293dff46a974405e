package org.keephope.target;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.keephope.web.FormPatterns;

/**
 * The checks of a target's fields, the same for the staff form and each CSV row: errors as message keys by
 * field name.
 */
final class TargetRules {

    static final Set<String> COUNTRIES = countries();
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,79}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,<>\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    static final Pattern WEB_ADDRESS = Pattern.compile(FormPatterns.WEB_ADDRESS);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\n\\r\\t]");

    private TargetRules() {}

    /** ISO 3166-1 alpha-2 and {@code EU} (the European Union sits at the G20 of its own). */
    private static Set<String> countries() {
        var codes = new java.util.HashSet<>(Arrays.asList(Locale.getISOCountries()));
        codes.add("EU");
        return Set.copyOf(codes);
    }

    static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** The errors of a target's data, by field ({@code externalId}, {@code country}, {@code name} …). */
    static Map<String, String> check(TargetData d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(d.externalId())) {
            errors.put("externalId", "form.error.required");
        } else if (!EXTERNAL_ID.matcher(d.externalId()).matches()) {
            errors.put("externalId", "target.error.externalId");
        }
        if (blank(d.country())) {
            errors.put("country", "form.error.required");
        } else if (!isCountry(d.country())) {
            errors.put("country", "target.error.country");
        }
        text(errors, "name", d.original().name(), 200, true);
        text(errors, "title", d.original().title(), 200, true);
        text(errors, "office", d.original().office(), 200, false);
        d.translations().forEach((language, names) -> {
            String suffix = language.substring(0, 1).toUpperCase(Locale.ROOT) + language.substring(1);
            text(errors, "name" + suffix, names.name(), 200, false);
            text(errors, "title" + suffix, names.title(), 200, false);
            text(errors, "office" + suffix, names.office(), 200, false);
        });
        if (String.join(", ", d.contactEmails()).length() > 1000) {
            errors.put("contactEmails", "form.error.tooLong");
        } else if (d.contactEmails().stream().anyMatch(e -> !EMAIL.matcher(e).matches())) {
            errors.put("contactEmails", "target.error.emails");
        }
        if (!blank(d.contactUrl())) {
            if (d.contactUrl().length() > 500) {
                errors.put("contactUrl", "form.error.tooLong");
            } else if (!WEB_ADDRESS.matcher(d.contactUrl()).matches()) {
                errors.put("contactUrl", "form.error.website");
            }
        }
        if (blank(d.timeZone())) {
            errors.put("timeZone", "form.error.required");
        } else {
            try {
                ZoneId.of(d.timeZone());
            } catch (DateTimeException e) {
                errors.put("timeZone", "target.error.timeZone");
            }
        }
        return errors;
    }

    private static void text(Map<String, String> errors, String field, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                errors.put(field, "form.error.required");
            }
        } else if (value.length() > max) {
            errors.put(field, "form.error.tooLong");
        } else if (CONTROL.matcher(value).find()) {
            errors.put(field, "form.error.invalid");
        }
    }

    /** Addresses separated by commas, semicolons or white space; blanks dropped. */
    static List<String> emails(String text) {
        List<String> emails = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    emails.add(part.strip());
                }
            }
        }
        return emails;
    }

    static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

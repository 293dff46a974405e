package org.keephope.target;

import java.util.List;
import java.util.Map;

/**
 * What staff (by the form or a CSV row) say of a target: the original names in English, translations by
 * language, and the staff-only contact addresses. The photo is set apart, through the media module.
 */
public record TargetData(
        String externalId,
        String country,
        TargetNames original,
        Map<String, TargetNames> translations,
        List<String> contactEmails,
        String contactUrl,
        String timeZone,
        boolean active) {

    public TargetData {
        translations = Map.copyOf(translations);
        contactEmails = List.copyOf(contactEmails);
    }

    TargetNames in(String language) {
        return translations.getOrDefault(language, TargetNames.NONE);
    }
}

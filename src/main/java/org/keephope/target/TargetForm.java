package org.keephope.target;

import java.util.Map;

/**
 * What staff send to create or edit a target (checked by {@link TargetRules}, the same rules as a CSV row);
 * {@code version} is the one the edit started from.
 */
public record TargetForm(
        String externalId,
        String country,
        String name,
        String title,
        String office,
        String nameRu,
        String titleRu,
        String officeRu,
        String contactEmails,
        String contactUrl,
        String timeZone,
        Boolean active,
        Integer version) {

    static TargetForm empty() {
        return new TargetForm("", "", "", "", "", "", "", "", "", "", "UTC", true, null);
    }

    static TargetForm of(EditableTarget t) {
        TargetData d = t.data();
        TargetNames ru = d.in("ru");
        return new TargetForm(
                d.externalId(),
                d.country(),
                d.original().name(),
                d.original().title(),
                nonNull(d.original().office()),
                nonNull(ru.name()),
                nonNull(ru.title()),
                nonNull(ru.office()),
                String.join(", ", d.contactEmails()),
                nonNull(d.contactUrl()),
                d.timeZone(),
                d.active(),
                t.version());
    }

    TargetData toData() {
        return new TargetData(
                strip(externalId),
                strip(country) == null ? null : strip(country).toUpperCase(java.util.Locale.ROOT),
                new TargetNames(strip(name), strip(title), TargetRules.blankToNull(office)),
                Map.of(
                        "ru",
                        new TargetNames(
                                TargetRules.blankToNull(nameRu),
                                TargetRules.blankToNull(titleRu),
                                TargetRules.blankToNull(officeRu))),
                TargetRules.emails(contactEmails),
                TargetRules.blankToNull(contactUrl),
                strip(timeZone),
                active == null || active);
    }

    TargetForm withVersion(int current) {
        return new TargetForm(
                externalId,
                country,
                name,
                title,
                office,
                nameRu,
                titleRu,
                officeRu,
                contactEmails,
                contactUrl,
                timeZone,
                active,
                current);
    }

    String v(String s) {
        return nonNull(s);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

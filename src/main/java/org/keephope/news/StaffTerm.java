package org.keephope.news;

import java.util.Map;

/** A category or region as staff manage it: its slug and its name per language. */
public record StaffTerm(long id, String slug, Map<String, String> names) {

    public String name(String language) {
        return names.getOrDefault(language, "");
    }
}

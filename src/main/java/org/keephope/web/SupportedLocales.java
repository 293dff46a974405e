package org.keephope.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The UI languages: English first (the fallback), then Russian. */
public final class SupportedLocales {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final List<Locale> ALL = List.of(ENGLISH, RUSSIAN);

    private SupportedLocales() {}

    /** The supported locale for a language tag such as {@code ru} or {@code ru-RU}, if any. */
    public static Optional<Locale> match(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return ALL.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    public static Optional<Locale> match(Locale locale) {
        return locale == null ? Optional.empty() : match(locale.toLanguageTag());
    }
}

package org.keephope.signature;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** ISO 3166-1 alpha-2 countries with their names in the reader's language, sorted for that language. */
public final class Countries {

    public record Country(String code, String name) {}

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, List<Country>> BY_LANGUAGE = new ConcurrentHashMap<>();

    private Countries() {}

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }

    public static String name(String code, Locale locale) {
        return new Locale("", code).getDisplayCountry(locale);
    }

    public static List<Country> all(Locale locale) {
        return BY_LANGUAGE.computeIfAbsent(locale.getLanguage(), language -> {
            Collator collator = Collator.getInstance(locale);
            return Arrays.stream(Locale.getISOCountries())
                    .map(code -> new Country(code, name(code, locale)))
                    .sorted(Comparator.comparing(Country::name, collator))
                    .toList();
        });
    }
}

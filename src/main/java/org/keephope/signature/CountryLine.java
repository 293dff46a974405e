package org.keephope.signature;

import java.util.List;
import java.util.Locale;

/** A line of the public count by country: the country's name in the reader's language and its count. */
public record CountryLine(String country, long count) {

    static List<CountryLine> of(CountryCounts counts, Locale locale) {
        return counts.countries().entrySet().stream()
                .map(e -> new CountryLine(Countries.name(e.getKey(), locale), e.getValue()))
                .toList();
    }
}

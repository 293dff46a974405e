package org.keephope.signature;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a campaign's confirmed signatures come from, as the public may see it. A country with fewer than
 * {@value #THRESHOLD} is not named at all: its signatures are summed, with those of every other such country,
 * into {@code otherCountries}. Naming it with "fewer than five" would not do: the total is exact, so a client
 * could subtract every named number from it and get the small one (exactly, whenever one country is small,
 * or all small ones have 1, or all have 4). Unnamed, the sum says how many signed from small countries, never
 * from which.
 *
 * <p>The figures are those of the start of a window ({@code asOf}, a whole minute by default), not of now:
 * a country's count moves at most once a minute, so watching it does not time a signer to the second.
 *
 * @param countries countries with at least {@value #THRESHOLD} confirmed signatures (ISO code → count), most
 *     first
 * @param otherCountries confirmed signatures from all the countries with fewer than {@value #THRESHOLD} each
 * @param asOf when these figures were taken
 */
public record CountryCounts(Map<String, Long> countries, long otherCountries, Instant asOf) {

    public static final int THRESHOLD = 5;

    /** The public view of exact counts per country. */
    static CountryCounts of(Map<String, Long> exact, Instant asOf) {
        Map<String, Long> shown = new LinkedHashMap<>();
        long other = 0;
        var byCount = exact.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        for (var entry : byCount) {
            if (entry.getValue() >= THRESHOLD) {
                shown.put(entry.getKey(), entry.getValue());
            } else if (entry.getValue() > 0) {
                other += entry.getValue();
            }
        }
        return new CountryCounts(java.util.Collections.unmodifiableMap(shown), other, asOf);
    }

    public boolean isEmpty() {
        return countries.isEmpty() && otherCountries == 0;
    }
}

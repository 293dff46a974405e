package org.keephope.signature;

import java.util.Map;

/** Confirmed signatures of a campaign, in all and by country (ISO code → count). */
public record Tally(long total, Map<String, Long> byCountry) {

    public static final Tally NONE = new Tally(0, Map.of());

    /** Percent of the goal, 0–100, for a progress bar. */
    public int percentOf(Integer goal) {
        if (goal == null || goal <= 0) {
            return 0;
        }
        return (int) Math.min(100, total * 100 / goal);
    }
}

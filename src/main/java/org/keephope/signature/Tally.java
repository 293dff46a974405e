package org.keephope.signature;

/**
 * Confirmed signatures of a campaign, in all: exact and fresh. How they spread over countries is
 * {@link CountryCounts}, which names no country with fewer than five.
 */
public record Tally(long total) {

    /** Percent of the goal, 0–100, for a progress bar. */
    public int percentOf(Integer goal) {
        if (goal == null || goal <= 0) {
            return 0;
        }
        return (int) Math.min(100, total * 100 / goal);
    }
}

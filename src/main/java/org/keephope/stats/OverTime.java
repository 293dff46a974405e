package org.keephope.stats;

import java.time.Instant;
import java.util.List;

/**
 * A campaign's confirmed signatures day by day (UTC), from its first day with a signature to its last, days
 * without one included (as 0), as of {@code asOf}.
 */
public record OverTime(List<DayCount> days, long total, Instant asOf) {

    public boolean isEmpty() {
        return total == 0;
    }

    /** The day with the most signatures (the earliest of equals), or null when there is none. */
    public DayCount busiest() {
        DayCount best = null;
        for (DayCount day : days) {
            if (best == null || day.signatures() > best.signatures()) {
                best = day;
            }
        }
        return best;
    }
}

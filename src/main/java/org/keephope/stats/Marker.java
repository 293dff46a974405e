package org.keephope.stats;

import java.time.LocalDate;

/** A day marked on the over-time chart: the launch (first published), the event, the deadline. */
public record Marker(Kind kind, LocalDate day, String label) {

    public enum Kind {
        LAUNCH,
        EVENT,
        DEADLINE
    }
}

package org.keephope.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Hours as the counts keep them: whole hours since 1970-01-01T00:00Z. Days are UTC days. */
final class Hours {

    private Hours() {}

    static long of(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 3600);
    }

    static Instant start(long hour) {
        return Instant.ofEpochSecond(hour * 3600);
    }

    static LocalDate day(long hour) {
        return LocalDate.ofEpochDay(Math.floorDiv(hour, 24));
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}

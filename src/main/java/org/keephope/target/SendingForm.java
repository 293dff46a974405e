package org.keephope.target;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target's sending rules as staff type them: the window as local date-times in the target's time zone
 * ({@code 2013-09-05T09:00}, empty for none), the hours of the day (from inclusive, to exclusive; 22–6 wraps past
 * midnight; 0–24 is all day), letters per hour, letters in total (empty for no cap), paused, and a daily digest
 * (one mail a day with every letter queued) instead of single letters.
 */
public record SendingForm(
        String windowStart,
        String windowEnd,
        String hourFrom,
        String hourTo,
        String hourlyCap,
        String totalCap,
        boolean paused,
        boolean digest) {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public SendingForm {
        windowStart = nn(windowStart);
        windowEnd = nn(windowEnd);
        hourFrom = nn(hourFrom);
        hourTo = nn(hourTo);
        hourlyCap = nn(hourlyCap);
        totalCap = nn(totalCap);
    }

    static SendingForm of(LetterRepository.Sending s, ZoneId zone, int defaultCap) {
        if (s == null) {
            return new SendingForm("", "", "0", "24", "" + defaultCap, "", false, false);
        }
        return new SendingForm(
                local(s.windowStart(), zone),
                local(s.windowEnd(), zone),
                "" + s.hourFrom(),
                "" + s.hourTo(),
                "" + s.hourlyCap(),
                s.totalCap() == null ? "" : "" + s.totalCap(),
                s.paused(),
                s.digest());
    }

    /** Field errors as message keys. */
    Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDateTime start = dateTime(windowStart, "windowStart", errors);
        LocalDateTime end = dateTime(windowEnd, "windowEnd", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.put("windowEnd", "letters.error.windowOrder");
        }
        number(hourFrom, 0, 23, "hourFrom", errors);
        number(hourTo, 1, 24, "hourTo", errors);
        number(hourlyCap, 1, 3600, "hourlyCap", errors);
        if (!totalCap.isBlank()) {
            number(totalCap, 0, 10_000_000, "totalCap", errors);
        }
        return errors;
    }

    private static LocalDateTime dateTime(String value, String field, Map<String, String> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "letters.error.dateTime");
            return null;
        }
    }

    private static void number(String value, int min, int max, String field, Map<String, String> errors) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                errors.put(field, "letters.error.range");
            }
        } catch (NumberFormatException e) {
            errors.put(field, "letters.error.number");
        }
    }

    private static String local(java.time.Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL.format(instant.atZone(zone));
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}

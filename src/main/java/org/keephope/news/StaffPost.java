package org.keephope.news;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A post in the staff list, whatever its state. */
public record StaffPost(long id, String slug, String title, Instant publishedAt, Instant updatedAt, State state) {

    public enum State {
        DRAFT,
        SCHEDULED,
        PUBLISHED
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    public String publishedAtText() {
        return publishedAt == null ? "" : UTC.format(publishedAt.atOffset(ZoneOffset.UTC));
    }
}

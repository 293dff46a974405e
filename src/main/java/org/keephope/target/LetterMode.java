package org.keephope.target;

import java.util.Locale;

/**
 * How letters go: {@link #OFF} (none is offered or sent), {@link #DRY_RUN} (every letter goes to a test address,
 * marked, never to an office) or {@link #SEND}. Ordered from the most careful: of the global and the campaign's
 * setting, the more careful one holds, so that nobody mails an office by mistake.
 */
public enum LetterMode {
    OFF,
    DRY_RUN,
    SEND;

    /** The more careful of two modes. */
    public LetterMode and(LetterMode other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** As it is written in settings and forms: {@code off}, {@code dry-run}, {@code send}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The mode a setting names, or null. */
    public static LetterMode of(String value) {
        for (LetterMode mode : values()) {
            if (mode.value().equals(value)) {
                return mode;
            }
        }
        return null;
    }
}

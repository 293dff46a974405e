package org.keephope.news;

/** {@code ?page=} as a reader or a bot may send it: anything that is not a positive number means page 1. */
final class PageNumber {

    private PageNumber() {}

    static int parse(String value) {
        if (value == null || value.isBlank() || value.length() > 9) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

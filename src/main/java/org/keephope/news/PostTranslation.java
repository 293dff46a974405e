package org.keephope.news;

/** A post's fields in another language; a null field falls back to the original. */
public record PostTranslation(String title, String excerpt, String body) {

    public static final PostTranslation EMPTY = new PostTranslation(null, null, null);

    public boolean isEmpty() {
        return title == null && excerpt == null && body == null;
    }
}

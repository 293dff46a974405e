package org.keephope.target;

/** A target's name, title and office in one language; a blank part falls back to the original. */
public record TargetNames(String name, String title, String office) {

    static final TargetNames NONE = new TargetNames(null, null, null);

    boolean isEmpty() {
        return blank(name) && blank(title) && blank(office);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package org.keephope.news;

/** The two kinds of term a post is filed under. Table names are fixed here, never taken from input. */
public enum TermKind {
    CATEGORY("category"),
    REGION("region");

    private final String table;

    TermKind(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }
}

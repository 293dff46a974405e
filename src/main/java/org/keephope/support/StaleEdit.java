package org.keephope.support;

/**
 * Someone else saved the same object after this edit began (its {@code version} moved on): the edit is
 * refused rather than silently overwriting their changes.
 */
public class StaleEdit extends RuntimeException {

    private final int currentVersion;

    private StaleEdit(String what, int currentVersion) {
        super(what, null, false, false);
        this.currentVersion = currentVersion;
    }

    public static StaleEdit of(String kind, Object id, int currentVersion) {
        return new StaleEdit(kind + " " + id, currentVersion);
    }

    /** The version now stored, so a form can offer to save over it deliberately. */
    public int currentVersion() {
        return currentVersion;
    }
}

package org.keephope.account;

/** What a staff member may do: EDITOR the content screens, ADMIN also users and the audit log. */
public enum StaffRole {
    ADMIN,
    EDITOR;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}

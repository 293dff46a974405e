package org.keephope.account;

/**
 * What a staff member may do: EDITOR the content screens, ADMIN also users and the audit log. PARTNER is no
 * staff role: an account of one coalition partner (its organisation is bound to the account), which sees
 * {@code /partner} alone and no screen under {@code /admin}.
 */
public enum StaffRole {
    ADMIN,
    EDITOR,
    PARTNER;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}

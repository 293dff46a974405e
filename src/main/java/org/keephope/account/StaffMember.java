package org.keephope.account;

import java.io.Serializable;
import java.util.List;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A signed-in staff member: the principal of a fully authenticated session (password and second factor).
 * Its name is the email, which is also how sessions are indexed for "sign out everywhere".
 *
 * @param dataAccess may find supporters by email and export their personal data (an ADMIN may anyway)
 * @param organisationId the organisation of a PARTNER account; null for staff
 */
public record StaffMember(
        long id, String email, String displayName, StaffRole role, boolean dataAccess, Long organisationId)
        implements AuthenticatedPrincipal, Serializable {

    /** The authority an admin grants beside the role: supporters' personal data. */
    public static final String DATA_AUTHORITY = "ROLE_DATA";

    @Override
    public String getName() {
        return email;
    }

    /** The Spring Security authorities of a session signed in as this member. */
    public List<String> authorities() {
        return dataAccess && role == StaffRole.EDITOR
                ? List.of(role.authority(), DATA_AUTHORITY)
                : List.of(role.authority());
    }
}

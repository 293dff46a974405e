package org.keephope.account;

import java.io.Serializable;
import java.util.List;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A signed-in staff member: the principal of a fully authenticated session (password and second factor).
 * Its name is the email, which is also how sessions are indexed for "sign out everywhere".
 */
public record StaffMember(long id, String email, String displayName, StaffRole role)
        implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return email;
    }

    /** The Spring Security authorities of a session signed in as this member. */
    public List<String> authorities() {
        return List.of(role.authority());
    }
}

package org.keephope.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** Every session of one staff member, found by the principal name (the email) Spring Session indexes. */
@Component
class StaffSessions {

    private final FindByIndexNameSessionRepository<?> sessions;

    StaffSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    /** Ends them all: sign out everywhere, and after a role change, disabling or a reset. */
    int endAll(String email) {
        var ids = sessions.findByPrincipalName(email).keySet();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}

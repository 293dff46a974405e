package org.keephope.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's facade. Entries are only ever added (on PostgreSQL a trigger refuses updates and
 * deletes); an entry written inside a staff action's transaction stands or falls with that action.
 * No IP address is recorded, here either.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Records an action; joins the caller's transaction, or makes its own (e.g. a failed sign-in). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String objectType, Object objectId, String detail) {
        repository.insert(
                clock.instant(),
                truncate(actor, 320),
                truncate(action, 60),
                truncate(objectType, 60),
                objectId == null ? null : truncate(objectId.toString(), 120),
                truncate(detail, 1000));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> newest(int offset, int limit) {
        return repository.newest(offset, limit);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

package org.keephope.audit;

import java.time.Clock;
import java.util.List;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action; joins the caller's transaction, or makes its own (e.g. a failed sign-in). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String objectType, Object objectId, String detail) {
        jdbc.sql(
                        "insert into audit_entry (at, actor, action, object_type, object_id, detail) values (?, ?, ?, ?, ?, ?)")
                .params(
                        Rows.param(clock.instant()),
                        truncate(actor, 320),
                        truncate(action, 60),
                        truncate(objectType, 60),
                        objectId == null ? null : truncate(objectId.toString(), 120),
                        truncate(detail, 1000))
                .update();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> newest(int offset, int limit) {
        return jdbc.sql("select * from audit_entry order by at desc, id desc limit ? offset ?")
                .params(limit, offset)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        Rows.instant(rs, "at"),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("object_type"),
                        rs.getString("object_id"),
                        rs.getString("detail")))
                .list();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

package org.keephope.audit;

import java.time.Instant;
import java.util.List;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the audit log: {@code audit_entry} is only inserted into and read. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, String actor, String action, String objectType, String objectId, String detail) {
        jdbc.sql(
                        "insert into audit_entry (at, actor, action, object_type, object_id, detail) values (?, ?, ?, ?, ?, ?)")
                .params(Rows.param(at), actor, action, objectType, objectId, detail)
                .update();
    }

    List<AuditEntry> newest(int offset, int limit) {
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
}

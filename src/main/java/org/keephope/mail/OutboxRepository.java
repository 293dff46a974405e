package org.keephope.mail;

import java.time.Instant;
import java.util.List;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    OutboxRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insert(String reference, byte[] payload, Instant now) {
        jdbc.sql("insert into mail_outbox (reference, payload, status, next_attempt_at, created_at)"
                        + " values (?, ?, 'PENDING', ?, ?)")
                .params(reference, payload, Rows.param(now), Rows.param(now))
                .update();
    }

    record Row(String reference, byte[] payload) {}

    void insertAll(List<Row> rows, Instant now) {
        template.batchUpdate(
                "insert into mail_outbox (reference, payload, status, next_attempt_at, created_at)"
                        + " values (?, ?, 'PENDING', ?, ?)",
                rows,
                rows.size(),
                (ps, row) -> {
                    ps.setString(1, row.reference());
                    ps.setBytes(2, row.payload());
                    ps.setObject(3, Rows.param(now));
                    ps.setObject(4, Rows.param(now));
                });
    }

    /** Payloads of mails this node holds, in one query. */
    java.util.Map<Long, byte[]> payloads(List<Long> ids, String node) {
        java.util.Map<Long, byte[]> result = new java.util.HashMap<>();
        jdbc.sql("select id, payload from mail_outbox where id in (:ids) and claimed_by = :node and status = 'PENDING'")
                .param("ids", ids)
                .param("node", node)
                .query((java.sql.ResultSet rs) -> {
                    result.put(rs.getLong(1), rs.getBytes(2));
                });
        return result;
    }

    /** Due mails not held by a live claim, locked so that a node claiming at the same time skips them. */
    List<Long> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select id from mail_outbox
                         where status = 'PENDING' and next_attempt_at <= :now
                           and (claimed_until is null or claimed_until < :now)
                         order by id
                         limit :limit
                         for update skip locked
                        """)
                .param("now", Rows.param(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    void claim(List<Long> ids, String node, Instant until) {
        jdbc.sql("update mail_outbox set claimed_by = :node, claimed_until = :until where id in (:ids)")
                .param("node", node)
                .param("until", Rows.param(until))
                .param("ids", ids)
                .update();
    }

    /** Sent: the message, recipient included, is deleted; only the fact that it was sent remains. */
    void markSent(long id, String node, Instant now) {
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = ?, payload = null, claimed_until = null,"
                        + " last_error = null where id = ? and claimed_by = ?")
                .params(Rows.param(now), id, node)
                .update();
    }

    /** A failed attempt; after the last one the message, recipient included, is deleted: it will not be sent. */
    void markFailed(long id, String node, int attempts, Instant next, boolean giveUp, String error) {
        jdbc.sql("update mail_outbox set attempts = ?, next_attempt_at = ?, claimed_until = null, status = ?,"
                        + " last_error = ?, payload = case when ? then null else payload end"
                        + " where id = ? and claimed_by = ?")
                .params(attempts, Rows.param(next), giveUp ? "FAILED" : "PENDING", error, giveUp, id, node)
                .update();
    }

    int attempts(long id) {
        return jdbc.sql("select attempts from mail_outbox where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    /** Every mail about something, sent or not: a row being sent meanwhile is then recorded nowhere. */
    int deleteAbout(String reference) {
        return jdbc.sql("delete from mail_outbox where reference = ?")
                .param(reference)
                .update();
    }

    /** Rows whose mail went (or never will) and that are older than the given times. */
    int deleteLeftovers(Instant finishedBefore, Instant failedBefore) {
        return jdbc.sql("""
                        delete from mail_outbox
                         where (status in ('SENT', 'CANCELLED') and created_at < ?)
                            or (status = 'FAILED' and created_at < ?)
                        """)
                .params(Rows.param(finishedBefore), Rows.param(failedBefore))
                .update();
    }

    OutboxHealth health(Instant now) {
        return jdbc.sql("""
                        select
                          (select count(*) from mail_outbox where status = 'PENDING') as pending,
                          (select count(*) from mail_outbox where status = 'PENDING' and attempts > 0) as retrying,
                          (select count(*) from mail_outbox where status = 'FAILED') as failed,
                          (select min(created_at) from mail_outbox where status = 'PENDING') as oldest
                        """)
                .query((rs, n) -> new OutboxHealth(
                        rs.getLong("pending"),
                        rs.getLong("retrying"),
                        rs.getLong("failed"),
                        Rows.instant(rs, "oldest")))
                .single();
    }
}

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

    void insert(String reference, byte[] payload, int priority, Instant now) {
        jdbc.sql("insert into mail_outbox (reference, payload, priority, status, next_attempt_at, created_at)"
                        + " values (?, ?, ?, 'PENDING', ?, ?)")
                .params(reference, payload, priority, Rows.param(now), Rows.param(now))
                .update();
    }

    record Row(String reference, byte[] payload, int priority) {}

    void insertAll(List<Row> rows, Instant now) {
        template.batchUpdate(
                "insert into mail_outbox (reference, payload, priority, status, next_attempt_at, created_at)"
                        + " values (?, ?, ?, 'PENDING', ?, ?)",
                rows,
                rows.size(),
                (ps, row) -> {
                    ps.setString(1, row.reference());
                    ps.setBytes(2, row.payload());
                    ps.setInt(3, row.priority());
                    ps.setObject(4, Rows.param(now));
                    ps.setObject(5, Rows.param(now));
                });
    }

    /** A claimed mail's message and how often it failed before. */
    record Claimed(long id, byte[] payload, int attempts, String reference) {}

    /**
     * The claimed mails this node still holds, in claim order, in one query; a mail deleted since (an
     * erasure) is not among them.
     */
    List<Claimed> claimed(List<Long> ids, String node) {
        java.util.Map<Long, Claimed> byId = new java.util.HashMap<>();
        jdbc.sql("select id, payload, attempts, reference from mail_outbox"
                        + " where id in (:ids) and claimed_by = :node and status = 'PENDING'")
                .param("ids", ids)
                .param("node", node)
                .query((java.sql.ResultSet rs) -> {
                    byId.put(rs.getLong(1), new Claimed(rs.getLong(1), rs.getBytes(2), rs.getInt(3), rs.getString(4)));
                });
        List<Claimed> result = new java.util.ArrayList<>(byId.size());
        for (long id : ids) {
            Claimed c = byId.get(id);
            if (c != null && c.payload() != null) {
                result.add(c);
            }
        }
        return result;
    }

    /**
     * Up to {@code limit} due mails of one priority not held by a live claim, oldest due first, locked so that
     * a node claiming at the same time skips them. The index {@code mail_outbox_due} (status, priority,
     * next_attempt_at, id) gives exactly this range in this order, so a claim reads about {@code limit} index
     * entries however long the backlog: claimed mails and mails waiting for a retry have a later
     * {@code next_attempt_at} and lie beyond the range.
     */
    List<Long> lockDue(Instant now, int priority, int limit) {
        return jdbc.sql("""
                        select id from mail_outbox
                         where status = 'PENDING' and priority = :priority and next_attempt_at <= :now
                           and (claimed_until is null or claimed_until < :now)
                         order by next_attempt_at, id
                         limit :limit
                         for update skip locked
                        """)
                .param("now", Rows.param(now))
                .param("priority", priority)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** A claim is a lease: until it ends the mail is not due, after it (the node died) it is due again. */
    void claim(List<Long> ids, String node, Instant until) {
        jdbc.sql("update mail_outbox set claimed_by = :node, claimed_until = :until, next_attempt_at = :until"
                        + " where id in (:ids)")
                .param("node", node)
                .param("until", Rows.param(until))
                .param("ids", ids)
                .update();
    }

    /** Gives back claimed mails not sent (the node is stopping): due at once, for any node. */
    void release(List<Long> ids, String node, Instant now) {
        jdbc.sql("update mail_outbox set claimed_by = null, claimed_until = null, next_attempt_at = :now"
                        + " where id in (:ids) and claimed_by = :node and status = 'PENDING'")
                .param("node", node)
                .param("now", Rows.param(now))
                .param("ids", ids)
                .update();
    }

    /** Sent, in one statement for a batch: the messages, recipients included, are deleted. */
    void markSent(List<Long> ids, String node, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :now, payload = null, claimed_until = null,"
                        + " last_error = null where id in (:ids) and claimed_by = :node")
                .param("now", Rows.param(now))
                .param("ids", ids)
                .param("node", node)
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
                          (select created_at from mail_outbox where status = 'PENDING'
                            order by id fetch first 1 rows only) as oldest
                        """)
                .query((rs, n) -> new OutboxHealth(
                        rs.getLong("pending"),
                        rs.getLong("retrying"),
                        rs.getLong("failed"),
                        Rows.instant(rs, "oldest")))
                .single();
    }
}

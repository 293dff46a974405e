package org.keephope.partner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

    record Endpoint(
            long id,
            long organisationId,
            String url,
            String events,
            byte[] secret,
            byte[] previousSecret,
            Instant previousUntil,
            boolean enabled,
            String disabledReason,
            Instant createdAt) {

        boolean subscribes(String type) {
            return List.of(events.split(",")).contains(type);
        }
    }

    record Claimed(long id, long endpointId, String eventId, byte[] payload, int attempts, Instant createdAt) {}

    private static final String ENDPOINT = "select id, organisation_id, url, events, secret, previous_secret,"
            + " previous_until, enabled, disabled_reason, created_at from webhook_endpoint";

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Endpoint endpoint(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Endpoint(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBytes(5),
                rs.getBytes(6),
                Rows.instant(rs, "previous_until"),
                rs.getBoolean(8),
                rs.getString(9),
                Rows.instant(rs, "created_at"));
    }

    long insertEndpoint(long organisationId, String url, String events, byte[] secret, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into webhook_endpoint (organisation_id, url, events, secret, enabled, created_at)"
                        + " values (?, ?, ?, ?, true, ?)")
                .params(organisationId, url, events, secret, Rows.param(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Endpoint> endpointsOf(long organisationId) {
        return jdbc.sql(ENDPOINT + " where organisation_id = ? order by id")
                .param(organisationId)
                .query(WebhookRepository::endpoint)
                .list();
    }

    /** Enabled endpoints of these organisations. */
    List<Endpoint> enabledOf(List<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ENDPOINT + " where organisation_id in (:ids) and enabled = true order by id")
                .param("ids", organisationIds)
                .query(WebhookRepository::endpoint)
                .list();
    }

    Optional<Endpoint> endpoint(long id) {
        return jdbc.sql(ENDPOINT + " where id = ?")
                .param(id)
                .query(WebhookRepository::endpoint)
                .optional();
    }

    void rotate(long id, byte[] secret, byte[] previous, Instant previousUntil) {
        jdbc.sql("update webhook_endpoint set secret = ?, previous_secret = ?, previous_until = ? where id = ?")
                .params(secret, previous, Rows.param(previousUntil), id)
                .update();
    }

    void endRotation(long id) {
        jdbc.sql("update webhook_endpoint set previous_secret = null, previous_until = null where id = ?")
                .param(id)
                .update();
    }

    void setEnabled(long id, boolean enabled, String reason) {
        jdbc.sql("update webhook_endpoint set enabled = ?, disabled_reason = ? where id = ?")
                .params(enabled, enabled ? null : reason, id)
                .update();
    }

    void insertDelivery(long endpointId, String eventId, String type, byte[] payload, Instant now) {
        jdbc.sql("insert into webhook_delivery (endpoint_id, event_id, event_type, payload, status, next_attempt_at,"
                        + " created_at) values (?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(endpointId, eventId, type, payload, Rows.param(now), Rows.param(now))
                .update();
    }

    /** The last {@code limit} deliveries to an endpoint, newest first. */
    List<WebhookDelivery> deliveries(long endpointId, int limit) {
        return jdbc.sql("select id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at,"
                        + " last_status, last_error, last_attempt_at, created_at from webhook_delivery"
                        + " where endpoint_id = ? order by id desc limit ?")
                .params(endpointId, limit)
                .query((rs, n) -> new WebhookDelivery(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        Rows.instant(rs, "next_attempt_at"),
                        Rows.integer(rs, "last_status"),
                        rs.getString(9),
                        Rows.instant(rs, "last_attempt_at"),
                        Rows.instant(rs, "created_at")))
                .list();
    }

    /** Sends a delivery again at once (one still held by a worker is left alone); false when there is none to send. */
    boolean replay(long deliveryId, long endpointId, Instant now) {
        return jdbc.sql("update webhook_delivery set status = 'PENDING', next_attempt_at = ?, claimed_until = null"
                                + " where id = ? and endpoint_id = ? and payload is not null"
                                + " and (claimed_until is null or claimed_until < ?)")
                        .params(Rows.param(now), deliveryId, endpointId, Rows.param(now))
                        .update()
                == 1;
    }

    /** Due deliveries not held by a live claim, locked so that a worker on another node skips them. */
    List<Long> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select id from webhook_delivery
                         where status = 'PENDING' and next_attempt_at <= :now
                           and (claimed_until is null or claimed_until < :now)
                         order by next_attempt_at, id
                         limit :limit
                         for update skip locked
                        """)
                .param("now", Rows.param(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    void claim(List<Long> ids, String node, Instant until) {
        jdbc.sql("update webhook_delivery set claimed_by = :node, claimed_until = :until, next_attempt_at = :until"
                        + " where id in (:ids)")
                .param("node", node)
                .param("until", Rows.param(until))
                .param("ids", ids)
                .update();
    }

    List<Claimed> claimed(List<Long> ids, String node) {
        return jdbc.sql("select id, endpoint_id, event_id, payload, attempts, created_at from webhook_delivery"
                        + " where id in (:ids) and claimed_by = :node and status = 'PENDING' and payload is not null"
                        + " order by id")
                .param("ids", ids)
                .param("node", node)
                .query((rs, n) -> new Claimed(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getBytes(4),
                        rs.getInt(5),
                        Rows.instant(rs, "created_at")))
                .list();
    }

    /** The result of one attempt: delivered, failed for good, or due again at {@code next}. */
    void recordAttempt(
            long id,
            String node,
            String status,
            int attempts,
            Integer httpStatus,
            String error,
            Instant now,
            Instant next) {
        jdbc.sql("update webhook_delivery set status = ?, attempts = ?, last_status = ?, last_error = ?,"
                        + " last_attempt_at = ?, next_attempt_at = ?, claimed_until = null"
                        + " where id = ? and claimed_by = ?")
                .params(status, attempts, httpStatus, error, Rows.param(now), Rows.param(next), id, node)
                .update();
    }

    /** Every delivery of an event, with its body: an erased supporter's confirmation leaves nothing behind. */
    int deleteEvent(String eventId) {
        return jdbc.sql("delete from webhook_delivery where event_id = ?")
                .param(eventId)
                .update();
    }

    /** One organisation's deliveries of an event (a supporter withdrew that partner's consent). */
    int deleteEvent(String eventId, long organisationId) {
        return jdbc.sql("delete from webhook_delivery where event_id = ?"
                        + " and endpoint_id in (select id from webhook_endpoint where organisation_id = ?)")
                .params(eventId, organisationId)
                .update();
    }
}

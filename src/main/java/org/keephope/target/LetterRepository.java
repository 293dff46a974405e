package org.keephope.target;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Letters, their templates and each target's sending rules. */
@Repository
class LetterRepository {

    record Template(String subject, String body) {}

    /** A target's sending rules for one campaign; {@code hourlyCap} as set, or the default. */
    record Sending(
            long campaignId,
            long targetId,
            Instant windowStart,
            Instant windowEnd,
            int hourFrom,
            int hourTo,
            int hourlyCap,
            Integer totalCap,
            boolean paused,
            Instant nextSendAt,
            int sentCount,
            boolean digest) {}

    record Queued(long id, UUID signatureId, byte[] payload) {}

    /** Letters of one target of a campaign, by status. */
    record Counts(long targetId, int queued, int sent, int bounced, int cancelled) {}

    private final JdbcClient jdbc;

    LetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Template> template(long campaignId, String locale) {
        return jdbc.sql("select subject, body from letter_template where campaign_id = ? and locale = ?")
                .params(campaignId, locale)
                .query((rs, n) -> new Template(rs.getString(1), rs.getString(2)))
                .optional();
    }

    void saveTemplate(long campaignId, String locale, String subject, String body) {
        int updated = jdbc.sql("update letter_template set subject = ?, body = ? where campaign_id = ? and locale = ?")
                .params(subject, body, campaignId, locale)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into letter_template (campaign_id, locale, subject, body) values (?, ?, ?, ?)")
                    .params(campaignId, locale, subject, body)
                    .update();
        }
    }

    void deleteTemplate(long campaignId, String locale) {
        jdbc.sql("delete from letter_template where campaign_id = ? and locale = ?")
                .params(campaignId, locale)
                .update();
    }

    /** The campaign's own mode; a campaign nobody set sends dry runs. */
    LetterMode mode(long campaignId) {
        return jdbc.sql("select mode from letter_campaign where campaign_id = ?")
                .param(campaignId)
                .query(String.class)
                .optional()
                .map(LetterMode::of)
                .orElse(LetterMode.DRY_RUN);
    }

    void setMode(long campaignId, LetterMode mode) {
        int updated = jdbc.sql("update letter_campaign set mode = ? where campaign_id = ?")
                .params(mode.value(), campaignId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into letter_campaign (campaign_id, mode) values (?, ?)")
                    .params(campaignId, mode.value())
                    .update();
        }
    }

    /** Targets this supporter has a letter to already (any status). */
    Set<Long> lettersOf(UUID signatureId) {
        return Set.copyOf(jdbc.sql("select target_id from letter where signature_id = ?")
                .param(signatureId)
                .query(Long.class)
                .list());
    }

    /** Queues one letter; false when this supporter has one to this target already. */
    boolean queue(long campaignId, long targetId, UUID signatureId, byte[] payload, Instant now) {
        return jdbc.sql("""
                        insert into letter (campaign_id, target_id, signature_id, status, payload, created_at)
                        values (?, ?, ?, 'QUEUED', ?, ?) on conflict do nothing
                        """)
                        .params(campaignId, targetId, signatureId, payload, Rows.param(now))
                        .update()
                == 1;
    }

    /** Makes sure the target has sending rules for the campaign (the defaults), so the dispatcher finds it. */
    void ensureSending(long campaignId, long targetId, int hourlyCap) {
        jdbc.sql("""
                        insert into letter_sending (campaign_id, target_id, hourly_cap) values (?, ?, ?)
                        on conflict do nothing
                        """).params(campaignId, targetId, hourlyCap).update();
    }

    Optional<Sending> sending(long campaignId, long targetId) {
        return jdbc.sql("select * from letter_sending where campaign_id = ? and target_id = ?")
                .params(campaignId, targetId)
                .query((rs, n) -> sending(rs))
                .optional();
    }

    List<Sending> sendings(long campaignId) {
        return jdbc.sql("select * from letter_sending where campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> sending(rs))
                .list();
    }

    void saveSending(Sending s) {
        jdbc.sql("""
                        update letter_sending set window_start = ?, window_end = ?, hour_from = ?, hour_to = ?,
                          hourly_cap = ?, total_cap = ?, paused = ?, digest = ?
                         where campaign_id = ? and target_id = ?
                        """)
                .params(
                        Rows.param(s.windowStart()),
                        Rows.param(s.windowEnd()),
                        s.hourFrom(),
                        s.hourTo(),
                        s.hourlyCap(),
                        s.totalCap(),
                        s.paused(),
                        s.digest(),
                        s.campaignId(),
                        s.targetId())
                .update();
    }

    /**
     * Up to {@code limit} targets that have a queued letter and may get the next one now, locked; targets another
     * node holds are skipped, so each target's next letter is taken by one node.
     */
    List<Sending> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from letter_sending s
                         where s.paused = false and (s.next_send_at is null or s.next_send_at <= ?)
                           and (s.window_start is null or s.window_start <= ?) and (s.window_end is null or s.window_end > ?)
                           and exists (select 1 from letter l where l.campaign_id = s.campaign_id
                                        and l.target_id = s.target_id and l.status = 'QUEUED')
                         order by s.campaign_id, s.target_id
                         limit ?
                         for update skip locked
                        """)
                .params(Rows.param(now), Rows.param(now), Rows.param(now), limit)
                .query((rs, n) -> sending(rs))
                .list();
    }

    /** The oldest queued letter to a target of a campaign. */
    Optional<Queued> oldestQueued(long campaignId, long targetId) {
        return jdbc.sql("""
                        select id, signature_id, payload from letter
                         where campaign_id = ? and target_id = ? and status = 'QUEUED'
                         order by id limit 1
                        """)
                .params(campaignId, targetId)
                .query((rs, n) -> new Queued(rs.getLong(1), rs.getObject(2, UUID.class), rs.getBytes(3)))
                .optional();
    }

    /** Up to {@code limit} queued letters to a target of a campaign, oldest first (for a digest). */
    List<Queued> queued(long campaignId, long targetId, int limit) {
        return jdbc.sql("""
                        select id, signature_id, payload from letter
                         where campaign_id = ? and target_id = ? and status = 'QUEUED'
                         order by id limit ?
                        """)
                .params(campaignId, targetId, limit)
                .query((rs, n) -> new Queued(rs.getLong(1), rs.getObject(2, UUID.class), rs.getBytes(3)))
                .list();
    }

    /** A letter went to the outbox in the digest mail referenced by the letter {@code digestRef}. */
    void markDigested(long id, long digestRef) {
        jdbc.sql("update letter set digest_ref = ? where id = ?")
                .params(digestRef, id)
                .update();
    }

    /** The letters of a digest that went out under this letter's reference (the letter itself among them). */
    List<Long> digestOf(long letterId) {
        return jdbc.sql("select id from letter where digest_ref = ? order by id")
                .param(letterId)
                .query(Long.class)
                .list();
    }

    /** A digest of {@code count} letters went: the next may go at {@code next}. */
    void sentDigest(long campaignId, long targetId, int count, Instant next) {
        jdbc.sql("""
                        update letter_sending set next_send_at = ?, sent_count = sent_count + ?
                         where campaign_id = ? and target_id = ?
                        """).params(Rows.param(next), count, campaignId, targetId).update();
    }

    /** The letter went to the outbox: its text is there (encrypted), so it is dropped here. */
    boolean markSent(long id, String sentTo, boolean dryRun, Instant now) {
        return jdbc.sql("""
                        update letter set status = 'SENT', payload = null, sent_to = ?, dry_run = ?, sent_at = ?
                         where id = ? and status = 'QUEUED'
                        """).params(sentTo, dryRun, Rows.param(now), id).update() == 1;
    }

    void markBounced(long id) {
        jdbc.sql("update letter set status = 'BOUNCED', payload = null where id = ?")
                .param(id)
                .update();
    }

    /** The next letter to this target may go at {@code next}. */
    void sent(long campaignId, long targetId, Instant next) {
        jdbc.sql("""
                        update letter_sending set next_send_at = ?, sent_count = sent_count + 1
                         where campaign_id = ? and target_id = ?
                        """).params(Rows.param(next), campaignId, targetId).update();
    }

    /** Cancels what is queued to a target; returns how many. */
    int cancelQueued(long campaignId, long targetId) {
        return jdbc.sql("""
                        update letter set status = 'CANCELLED', payload = null
                         where campaign_id = ? and target_id = ? and status = 'QUEUED'
                        """).params(campaignId, targetId).update();
    }

    List<Counts> counts(long campaignId) {
        return jdbc.sql("""
                        select target_id,
                               sum(case when status = 'QUEUED' then 1 else 0 end),
                               sum(case when status = 'SENT' then 1 else 0 end),
                               sum(case when status = 'BOUNCED' then 1 else 0 end),
                               sum(case when status = 'CANCELLED' then 1 else 0 end)
                          from letter where campaign_id = ? group by target_id
                        """)
                .param(campaignId)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    Set<String> bounced(long targetId) {
        return Set.copyOf(jdbc.sql("select address from letter_bounce where target_id = ?")
                .param(targetId)
                .query(String.class)
                .list());
    }

    Map<Long, Set<String>> allBounced() {
        Map<Long, Set<String>> byTarget = new java.util.HashMap<>();
        jdbc.sql("select target_id, address from letter_bounce")
                .query((rs, n) -> byTarget.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>())
                        .add(rs.getString(2)))
                .list();
        return byTarget;
    }

    /** A letter the mail server refused for good: it is bounced, and (unless a dry run) so is its address. */
    void bounce(long letterId, Instant now) {
        record Sent(long targetId, String sentTo, Boolean dryRun) {}
        var sent = jdbc.sql("select target_id, sent_to, dry_run from letter where id = ?")
                .param(letterId)
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getString(2), (Boolean) rs.getObject(3)))
                .optional();
        if (sent.isEmpty()) {
            return;
        }
        markBounced(letterId);
        digestOf(letterId).forEach(this::markBounced);
        Sent s = sent.get();
        if (s.sentTo() != null && Boolean.FALSE.equals(s.dryRun())) {
            jdbc.sql(
                            "insert into letter_bounce (target_id, address, bounced_at) values (?, ?, ?) on conflict do nothing")
                    .params(s.targetId(), s.sentTo(), Rows.param(now))
                    .update();
        }
    }

    /** The letters of an erased signature. */
    List<Long> ofSignature(UUID signatureId) {
        return jdbc.sql("select id from letter where signature_id = ?")
                .param(signatureId)
                .query(Long.class)
                .list();
    }

    /** Erasure: what was not sent goes; what was sent stays as a number, tied to nobody. */
    void erase(UUID signatureId) {
        jdbc.sql("delete from letter where signature_id = ? and status in ('QUEUED', 'CANCELLED')")
                .param(signatureId)
                .update();
        jdbc.sql("update letter set signature_id = null, payload = null where signature_id = ?")
                .param(signatureId)
                .update();
    }

    private static Sending sending(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Sending(
                rs.getLong("campaign_id"),
                rs.getLong("target_id"),
                Rows.instant(rs, "window_start"),
                Rows.instant(rs, "window_end"),
                rs.getInt("hour_from"),
                rs.getInt("hour_to"),
                rs.getInt("hourly_cap"),
                Rows.integer(rs, "total_cap"),
                rs.getBoolean("paused"),
                Rows.instant(rs, "next_send_at"),
                rs.getInt("sent_count"),
                rs.getBoolean("digest"));
    }
}

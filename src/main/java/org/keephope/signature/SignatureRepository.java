package org.keephope.signature;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SignatureRepository {

    record Existing(UUID id, String status, Instant lastMailAt) {}

    record ByToken(UUID id, long campaignId, String status, String country, Instant confirmExpiresAt, String locale) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SignatureRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts each signature unless its (campaign, email) exists; says which were inserted. */
    boolean[] insertNew(List<NewSignature> batch) {
        int[][] counts = template.batchUpdate("""
                insert into signature (id, campaign_id, status, email_mac, email_enc, name_enc, public_name, country,
                  comment, comment_status, show_publicly, keep_informed, locale, consent_version, created_at,
                  confirm_token_hash, confirm_expires_at, erase_token_hash, last_mail_at)
                values (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """, batch, batch.size(), SignatureRepository::bind);
        boolean[] inserted = new boolean[batch.size()];
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                inserted[i++] = count > 0;
            }
        }
        return inserted;
    }

    private static void bind(PreparedStatement ps, NewSignature s) throws SQLException {
        ps.setObject(1, s.id());
        ps.setLong(2, s.campaignId());
        ps.setBytes(3, s.emailMac());
        ps.setBytes(4, s.emailEnc());
        ps.setBytes(5, s.nameEnc());
        ps.setString(6, s.publicName());
        ps.setString(7, s.country());
        ps.setString(8, s.comment());
        ps.setString(9, s.comment() == null ? "NONE" : "PENDING");
        ps.setBoolean(10, s.showPublicly());
        ps.setBoolean(11, s.keepInformed());
        ps.setString(12, s.locale());
        ps.setString(13, s.consentVersion());
        ps.setObject(14, Rows.param(s.createdAt()));
        ps.setBytes(15, s.confirmTokenHash());
        ps.setObject(16, Rows.param(s.confirmExpiresAt()));
        ps.setBytes(17, s.eraseTokenHash());
        ps.setObject(18, Rows.param(s.createdAt()));
    }

    Optional<Existing> lockExisting(long campaignId, byte[] emailMac) {
        return jdbc.sql(
                        "select id, status, last_mail_at from signature where campaign_id = ? and email_mac = ? for update")
                .params(campaignId, emailMac)
                .query((rs, n) -> new Existing(
                        rs.getObject("id", UUID.class), rs.getString("status"), Rows.instant(rs, "last_mail_at")))
                .optional();
    }

    /** A pending signature sent again: the newest details and a fresh link replace the old ones. */
    void renewPending(UUID id, NewSignature s) {
        jdbc.sql("""
                        update signature set email_enc = ?, name_enc = ?, public_name = ?, country = ?, comment = ?,
                          comment_status = ?, show_publicly = ?, keep_informed = ?, locale = ?, consent_version = ?,
                          confirm_token_hash = ?, confirm_expires_at = ?, erase_token_hash = ?, last_mail_at = ?
                         where id = ? and status = 'PENDING'
                        """)
                .params(
                        s.emailEnc(),
                        s.nameEnc(),
                        s.publicName(),
                        s.country(),
                        s.comment(),
                        s.comment() == null ? "NONE" : "PENDING",
                        s.showPublicly(),
                        s.keepInformed(),
                        s.locale(),
                        s.consentVersion(),
                        s.confirmTokenHash(),
                        Rows.param(s.confirmExpiresAt()),
                        s.eraseTokenHash(),
                        Rows.param(s.createdAt()),
                        id)
                .update();
    }

    /** A mail went to a confirmed signer: its erase link (the newest) must work. */
    void mailedConfirmed(UUID id, Instant now, byte[] eraseTokenHash) {
        jdbc.sql("update signature set last_mail_at = ?, erase_token_hash = ? where id = ?")
                .params(Rows.param(now), eraseTokenHash, id)
                .update();
    }

    Optional<ByToken> findByConfirmToken(byte[] hash) {
        return findByToken("confirm_token_hash", hash);
    }

    Optional<ByToken> findByEraseToken(byte[] hash) {
        return findByToken("erase_token_hash", hash);
    }

    /** {@code column} is one of the two token columns named above, never input. */
    private Optional<ByToken> findByToken(String column, byte[] hash) {
        return jdbc.sql("select id, campaign_id, status, country, confirm_expires_at, locale from signature where "
                        + column + " = ?")
                .param(hash)
                .query((rs, n) -> new ByToken(
                        rs.getObject("id", UUID.class),
                        rs.getLong("campaign_id"),
                        rs.getString("status"),
                        rs.getString("country"),
                        Rows.instant(rs, "confirm_expires_at"),
                        rs.getString("locale")))
                .optional();
    }

    /** PENDING → CONFIRMED; false when it was confirmed already (a second click counts nothing). */
    boolean confirm(UUID id, Instant now) {
        return jdbc.sql(
                                "update signature set status = 'CONFIRMED', confirmed_at = ? where id = ? and status = 'PENDING'")
                        .params(Rows.param(now), id)
                        .update()
                == 1;
    }

    record Contact(byte[] emailEnc, byte[] nameEnc, String locale, Instant lastMailAt) {}

    Optional<Contact> contact(UUID id) {
        return jdbc.sql("select email_enc, name_enc, locale, last_mail_at from signature where id = ?")
                .param(id)
                .query((rs, n) ->
                        new Contact(rs.getBytes(1), rs.getBytes(2), rs.getString(3), Rows.instant(rs, "last_mail_at")))
                .optional();
    }

    void renewTokens(UUID id, byte[] confirmHash, Instant expires, byte[] eraseHash, Instant now) {
        jdbc.sql("update signature set confirm_token_hash = ?, confirm_expires_at = ?, erase_token_hash = ?,"
                        + " last_mail_at = ? where id = ? and status = 'PENDING'")
                .params(confirmHash, Rows.param(expires), eraseHash, Rows.param(now), id)
                .update();
    }

    /**
     * Erasure: an unconfirmed signature goes entirely; a confirmed one keeps campaign, country and the days it
     * was made, confirmed and erased — not the times, which could be matched against someone's day.
     */
    void erase(UUID id, String status, Instant now) {
        if (status.equals("PENDING")) {
            jdbc.sql("delete from signature where id = ?").param(id).update();
            return;
        }
        record Times(Instant created, Instant confirmed) {}
        var times = jdbc.sql("select created_at, confirmed_at from signature where id = ?")
                .param(id)
                .query((rs, n) -> new Times(Rows.instant(rs, "created_at"), Rows.instant(rs, "confirmed_at")))
                .optional();
        if (times.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update signature set email_mac = null, email_enc = null, name_enc = null, public_name = null,
                          comment = null, comment_status = 'NONE', show_publicly = false, keep_informed = false,
                          confirm_token_hash = null, confirm_expires_at = null, erase_token_hash = null,
                          last_mail_at = null, created_at = ?, confirmed_at = ?, erased_at = ?
                         where id = ?
                        """)
                .params(
                        Rows.param(day(times.get().created())),
                        Rows.param(day(times.get().confirmed())),
                        Rows.param(day(now)),
                        id)
                .update();
    }

    /** The start of an instant's day (UTC). */
    static Instant day(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    }

    int purgeUnconfirmed(Instant before) {
        return jdbc.sql("delete from signature where status = 'PENDING' and created_at < ?")
                .param(Rows.param(before))
                .update();
    }

    record PublicSigner(UUID id, String name, String country, String comment, java.time.LocalDate confirmedOn) {}

    /**
     * The newest signers who chose to be shown, newest day first. Within a day the order is that of their
     * random ids, not of their times: the list must not tell who confirmed before or after whom.
     */
    List<PublicSigner> recentPublic(long campaignId, int limit) {
        return jdbc
                .sql("""
                        select id, public_name, country, case when comment_status = 'APPROVED' then comment end as comment,
                               confirmed_at
                          from signature
                         where campaign_id = ? and status = 'CONFIRMED' and show_publicly = true
                         order by confirmed_at desc
                         limit ?
                        """)
                .params(campaignId, limit)
                .query((rs, n) -> new PublicSigner(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Rows.instant(rs, "confirmed_at")
                                .atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate()))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(PublicSigner::confirmedOn)
                        .reversed()
                        .thenComparing(PublicSigner::id))
                .toList();
    }

    Map<String, Long> countConfirmedByCountry(long campaignId) {
        var result = new java.util.TreeMap<String, Long>();
        jdbc.sql(
                        "select country, count(*) from signature where campaign_id = ? and status = 'CONFIRMED' group by country")
                .param(campaignId)
                .query((java.sql.ResultSet rs) -> {
                    result.put(rs.getString(1), rs.getLong(2));
                });
        return result;
    }
}

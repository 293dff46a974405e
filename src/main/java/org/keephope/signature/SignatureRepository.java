package org.keephope.signature;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keephope.support.Rows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SignatureRepository {

    record Existing(UUID id, SignatureStatus status, Instant lastMailAt) {}

    /** Which link of a signature a token is: the first one mailed, or that of choices sent again. */
    enum LinkKind {
        ORIGINAL,
        CHANGE
    }

    /**
     * A signature found by a link's token. {@code expiresAt} is that link's; {@code change} the sealed
     * choices waiting for confirmation, when this is a pending change's link and they wait still.
     */
    record ByToken(
            UUID id,
            long campaignId,
            SignatureStatus status,
            String country,
            Instant expiresAt,
            String locale,
            LinkKind kind,
            byte[] change) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher events;

    SignatureRepository(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
    }

    private static SignatureStatus status(java.sql.ResultSet rs) throws SQLException {
        return SignatureStatus.valueOf(rs.getString("status"));
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
        ps.setString(9, CommentStatus.of(s.comment()).name());
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
                .query((rs, n) ->
                        new Existing(rs.getObject("id", UUID.class), status(rs), Rows.instant(rs, "last_mail_at")))
                .optional();
    }

    /**
     * A pending signature sent again: the new choices wait beside the signature's own, sealed, with a link
     * of their own; the signature stays as it was until that link is confirmed. A change waiting already is
     * replaced (its link stops working); the first link keeps working. The erase link of the newest mail
     * replaces the older one, as for every mail.
     */
    void stageChange(UUID id, byte[] sealed, NewSignature s) {
        jdbc.sql("""
                        update signature set change_enc = ?, change_token_hash = ?, change_expires_at = ?,
                          erase_token_hash = ?, last_mail_at = ?
                         where id = ? and status = 'PENDING'
                        """)
                .params(
                        sealed,
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

    /** The signature a confirmation link belongs to, the first one mailed or that of a pending change. */
    Optional<ByToken> findByConfirmToken(byte[] hash) {
        return findByToken("confirm_token_hash", "confirm_expires_at", LinkKind.ORIGINAL, hash)
                .or(() -> findByToken("change_token_hash", "change_expires_at", LinkKind.CHANGE, hash));
    }

    Optional<ByToken> findByEraseToken(byte[] hash) {
        return findByToken("erase_token_hash", "confirm_expires_at", LinkKind.ORIGINAL, hash);
    }

    /** {@code column} and {@code expires} are columns named above, never input. */
    private Optional<ByToken> findByToken(String column, String expires, LinkKind kind, byte[] hash) {
        return jdbc.sql("select id, campaign_id, status, country, " + expires + " as expires_at, locale, change_enc"
                        + " from signature where " + column + " = ?")
                .param(hash)
                .query((rs, n) -> new ByToken(
                        rs.getObject("id", UUID.class),
                        rs.getLong("campaign_id"),
                        status(rs),
                        rs.getString("country"),
                        Rows.instant(rs, "expires_at"),
                        rs.getString("locale"),
                        kind,
                        kind == LinkKind.CHANGE ? rs.getBytes("change_enc") : null))
                .optional();
    }

    /** What a signature says now, for the page that asks to confirm it. */
    record Stored(byte[] nameEnc, String country, String comment, boolean showPublicly, boolean keepInformed) {}

    Optional<Stored> stored(UUID id) {
        return jdbc.sql("select name_enc, country, comment, show_publicly, keep_informed from signature where id = ?")
                .param(id)
                .query((rs, n) -> new Stored(
                        rs.getBytes("name_enc"),
                        rs.getString("country"),
                        rs.getString("comment"),
                        rs.getBoolean("show_publicly"),
                        rs.getBoolean("keep_informed")))
                .optional();
    }

    /**
     * PENDING → CONFIRMED as the signature stands, dropping any change still waiting; false when it was
     * confirmed already (a second click counts nothing).
     */
    boolean confirm(UUID id, Instant now) {
        return jdbc.sql("update signature set status = 'CONFIRMED', confirmed_at = ?, change_enc = null,"
                                + " change_expires_at = null where id = ? and status = 'PENDING'")
                        .params(Rows.param(now), id)
                        .update()
                == 1;
    }

    /**
     * PENDING → CONFIRMED with the choices of the change whose link was confirmed; false when the signature
     * was confirmed already, or that change was replaced by a newer one meanwhile.
     */
    boolean confirmChange(UUID id, byte[] changeTokenHash, PendingChange.Choices c, Instant now) {
        return jdbc.sql("""
                                update signature set email_enc = ?, name_enc = ?, public_name = ?, country = ?,
                                  comment = ?, comment_status = ?, show_publicly = ?, keep_informed = ?, locale = ?,
                                  consent_version = ?, change_enc = null, change_expires_at = null,
                                  status = 'CONFIRMED', confirmed_at = ?
                                 where id = ? and status = 'PENDING' and change_token_hash = ? and change_enc is not null
                                """)
                        .params(
                                c.emailEnc(),
                                c.nameEnc(),
                                c.publicName(),
                                c.country(),
                                c.comment(),
                                CommentStatus.of(c.comment()).name(),
                                c.showPublicly(),
                                c.keepInformed(),
                                c.locale(),
                                c.consentVersion(),
                                Rows.param(now),
                                id,
                                changeTokenHash)
                        .update()
                == 1;
    }

    record Confirmed(long campaignId, byte[] nameEnc, String country, String locale) {}

    /** A confirmed signature that still holds its signer's name (not erased). */
    Optional<Confirmed> confirmed(UUID id) {
        return jdbc.sql("select campaign_id, name_enc, country, locale from signature"
                        + " where id = ? and status = 'CONFIRMED' and erased_at is null and name_enc is not null")
                .param(id)
                .query((rs, n) -> new Confirmed(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The id of the signature a confirmation link belongs to, when it is confirmed. */
    Optional<UUID> confirmedByToken(byte[] tokenHash) {
        return findByConfirmToken(tokenHash)
                .filter(s -> s.status() == SignatureStatus.CONFIRMED)
                .map(ByToken::id);
    }

    record Contact(byte[] emailEnc, byte[] nameEnc, String locale, Instant lastMailAt) {}

    /** Marks a signature imported as confirmed by an API key (its signer confirmed elsewhere). */
    void markImported(UUID id) {
        jdbc.sql("update signature set imported = true where id = ?").param(id).update();
    }

    boolean imported(UUID id) {
        return jdbc.sql("select imported from signature where id = ?")
                .param(id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    Optional<Contact> contact(UUID id) {
        return jdbc.sql("select email_enc, name_enc, locale, last_mail_at from signature where id = ?")
                .param(id)
                .query((rs, n) ->
                        new Contact(rs.getBytes(1), rs.getBytes(2), rs.getString(3), Rows.instant(rs, "last_mail_at")))
                .optional();
    }

    /** A fresh link in place of an expired one, of the same kind: the first link, or a change's. */
    void renewTokens(UUID id, LinkKind kind, byte[] confirmHash, Instant expires, byte[] eraseHash, Instant now) {
        String token = kind == LinkKind.CHANGE ? "change_token_hash" : "confirm_token_hash";
        String expiry = kind == LinkKind.CHANGE ? "change_expires_at" : "confirm_expires_at";
        jdbc.sql("update signature set " + token + " = ?, " + expiry + " = ?, erase_token_hash = ?,"
                        + " last_mail_at = ? where id = ? and status = 'PENDING'")
                .params(confirmHash, Rows.param(expires), eraseHash, Rows.param(now), id)
                .update();
    }

    /**
     * Erasure: an unconfirmed signature goes entirely; a confirmed one keeps campaign, country and the days it
     * was made, confirmed and erased — not the times, which could be matched against someone's day. The first
     * erasure of a confirmed signature publishes {@link SignatureErased} in the erasing transaction. It is
     * published here, the one place every erasure passes (the signer's link, staff, retention), so that no
     * erasure path can forget it.
     */
    void erase(UUID id, SignatureStatus status, Instant now) {
        // every erasure comes here (signer, staff, retention): the one place that tells the other modules
        if (status == SignatureStatus.PENDING) {
            record Pending(long campaignId, String country) {}
            var pending = jdbc.sql("select campaign_id, country from signature where id = ?")
                    .param(id)
                    .query((rs, n) -> new Pending(rs.getLong("campaign_id"), rs.getString("country")))
                    .optional();
            jdbc.sql("delete from signature where id = ?").param(id).update();
            pending.ifPresent(
                    p -> events.publishEvent(new SignatureErased(id, p.campaignId(), p.country(), null, false)));
            return;
        }
        record Stored(long campaignId, String country, Instant created, Instant confirmed, Instant erased) {}
        var stored = jdbc.sql(
                        "select campaign_id, country, created_at, confirmed_at, erased_at from signature where id = ?")
                .param(id)
                .query((rs, n) -> new Stored(
                        rs.getLong("campaign_id"),
                        rs.getString("country"),
                        Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "confirmed_at"),
                        Rows.instant(rs, "erased_at")))
                .optional();
        if (stored.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update signature set email_mac = null, email_enc = null, name_enc = null, public_name = null,
                          comment = null, comment_status = 'NONE', show_publicly = false, keep_informed = false,
                          confirm_token_hash = null, confirm_expires_at = null, erase_token_hash = null,
                          change_enc = null, change_token_hash = null, change_expires_at = null,
                          last_mail_at = null, created_at = ?, confirmed_at = ?, erased_at = ?
                         where id = ?
                        """)
                .params(
                        Rows.param(day(stored.get().created())),
                        Rows.param(day(stored.get().confirmed())),
                        Rows.param(day(now)),
                        id)
                .update();
        Stored s = stored.get();
        if (s.erased() == null && s.confirmed() != null) {
            events.publishEvent(new SignatureErased(id, s.campaignId(), s.country(), s.confirmed(), true));
        }
    }

    /** The start of an instant's day (UTC). */
    static Instant day(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    }

    record Held(UUID id, SignatureStatus status) {}

    /**
     * Up to {@code limit} signatures of a campaign that still hold personal data (pending, or confirmed and
     * not erased), locked; rows another node holds are skipped, so nodes running at once share the work.
     */
    List<Held> lockHoldingPersonalData(long campaignId, int limit) {
        return jdbc.sql("""
                        select id, status from signature
                         where campaign_id = ? and (status = 'PENDING' or erased_at is null)
                         order by id
                         limit ?
                         for update skip locked
                        """)
                .params(campaignId, limit)
                .query((rs, n) -> new Held(rs.getObject("id", UUID.class), status(rs)))
                .list();
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

package org.keephope.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.keephope.audit.AuditLog;
import org.keephope.mail.Outbox;
import org.keephope.privacy.EmailAddress;
import org.keephope.privacy.Fingerprints;
import org.keephope.privacy.PersonalData;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with signatures: moderate comments, find a signature by its exact email (through the
 * keyed MAC, since emails are encrypted), erase it, export a campaign's confirmed signatures. Every write
 * and every export is in the audit log.
 */
@Service
public class StaffSignatures {

    /** The keyed hash of a searched address in the audit log. */
    static final String SEARCH_MAC = "audit.signature-search";

    public record PendingComment(UUID id, long campaignId, String country, String comment, Instant confirmedAt) {}

    public record Found(
            UUID id, long campaignId, SignatureStatus status, String country, Instant createdAt, Instant confirmedAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SignatureRepository repository;
    private final Fingerprints fingerprints;
    private final PersonalData personalData;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    StaffSignatures(
            JdbcClient jdbc,
            JdbcTemplate template,
            SignatureRepository repository,
            Fingerprints fingerprints,
            PersonalData personalData,
            Outbox outbox,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.repository = repository;
        this.fingerprints = fingerprints;
        this.personalData = personalData;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Comments of confirmed signatures that wait for a decision, oldest first. */
    @Transactional(readOnly = true)
    public List<PendingComment> commentsWaiting(int limit) {
        return jdbc.sql("select id, campaign_id, country, comment, confirmed_at from signature"
                        + " where comment_status = 'PENDING' and status = 'CONFIRMED' order by confirmed_at limit ?")
                .param(limit)
                .query((rs, n) -> new PendingComment(
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        rs.getString(3).trim(),
                        rs.getString(4),
                        Rows.instant(rs, "confirmed_at")))
                .list();
    }

    @Transactional(readOnly = true)
    public long commentsWaitingCount() {
        return jdbc.sql("select count(*) from signature where comment_status = 'PENDING' and status = 'CONFIRMED'")
                .query(Long.class)
                .single();
    }

    /** Approves a comment (shown in the public list if its signer chose to be shown) or rejects it (deleted). */
    @Transactional
    public boolean moderate(UUID id, boolean approve, String actor) {
        int changed = approve
                ? jdbc.sql(
                                "update signature set comment_status = 'APPROVED' where id = ? and comment_status = 'PENDING'")
                        .param(id)
                        .update()
                : jdbc.sql("update signature set comment_status = 'REJECTED', comment = null where id = ?"
                                + " and comment_status = 'PENDING'")
                        .param(id)
                        .update();
        if (changed == 1) {
            audit.record(actor, approve ? "comment.approve" : "comment.reject", "signature", id, null);
        }
        return changed == 1;
    }

    /**
     * Signatures of one exact address (canonicalised as at signing), in every campaign. The audit entry holds
     * a keyed hash of the address searched, not the address: whoever holds the key can tell whether a given
     * address was looked up, and by whom; a reader of the log learns nothing. Its purpose differs from the
     * dedup key's, so the entry cannot be joined to the signature rows without the key either.
     */
    @Transactional
    public List<Found> findByEmail(String email, String actor) {
        String canonical = EmailAddress.canonical(email);
        audit.record(
                actor,
                "signature.search",
                "signature",
                null,
                "address-mac "
                        + HexFormat.of().formatHex(Fingerprints.truncate(fingerprints.of(SEARCH_MAC, canonical), 16)));
        return jdbc.sql(
                        "select id, campaign_id, status, country, created_at, confirmed_at from signature where email_mac = ?"
                                + " order by created_at")
                .param(fingerprints.of(Signing.EMAIL_MAC, canonical))
                .query((rs, n) -> new Found(
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        SignatureStatus.valueOf(rs.getString(3)),
                        rs.getString(4),
                        Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "confirmed_at")))
                .list();
    }

    /** Erases a signer's personal data, as the signer's own erase link does. */
    @Transactional
    public boolean erase(UUID id, String actor) {
        var status = jdbc.sql(
                        "select status from signature where id = ? and (email_enc is not null or status = 'PENDING')")
                .param(id)
                .query(String.class)
                .optional();
        if (status.isEmpty()) {
            return false;
        }
        outbox.forget(SignatureWriter.reference(id));
        repository.erase(id, SignatureStatus.valueOf(status.get()), clock.instant());
        audit.record(actor, "signature.erase", "signature", id, null);
        return true;
    }

    /**
     * Streams a campaign's confirmed signatures as CSV, row by row (constant memory whatever the count),
     * with only what each signer agreed to: name and email only for those who asked to be kept informed,
     * the first name for those who chose to be shown, the comment once approved. Cells that a spreadsheet
     * would run as a formula are defused.
     */
    @Transactional // not read-only: the export itself is written to the audit log
    public long exportCsv(long campaignId, Writer out, String actor) {
        audit.record(actor, "signature.export", "campaign", campaignId, null);
        write(out, "confirmed_at,country,language,first_name,last_name,email,comment,keep_informed,show_publicly\n");
        long[] rows = {0};
        template.query(
                connection -> {
                    var statement =
                            connection.prepareStatement("""
                            select confirmed_at, country, locale, name_enc, email_enc, public_name, comment, comment_status,
                                   keep_informed, show_publicly
                              from signature where campaign_id = ? and status = 'CONFIRMED' order by confirmed_at, id
                            """, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                    statement.setFetchSize(500);
                    statement.setLong(1, campaignId);
                    return statement;
                },
                (ResultSet rs) -> {
                    boolean informed = rs.getBoolean("keep_informed");
                    boolean shown = rs.getBoolean("show_publicly");
                    String first = null;
                    String last = null;
                    String email = null;
                    if (informed && rs.getBytes("name_enc") != null) {
                        String[] name = personalData
                                .decrypt(rs.getBytes("name_enc"), Signing.NAME_CONTEXT)
                                .split("\n", 2);
                        first = name[0];
                        last = name.length > 1 ? name[1] : "";
                        email = personalData.decrypt(rs.getBytes("email_enc"), Signing.EMAIL_CONTEXT);
                    } else if (shown) {
                        first = rs.getString("public_name");
                    }
                    String comment = CommentStatus.APPROVED.name().equals(rs.getString("comment_status"))
                            ? rs.getString("comment")
                            : null;
                    write(
                            out,
                            String.join(
                                            ",",
                                            Csv.cell(String.valueOf(Rows.instant(rs, "confirmed_at"))),
                                            Csv.cell(rs.getString("country")),
                                            Csv.cell(rs.getString("locale")),
                                            Csv.cell(first),
                                            Csv.cell(last),
                                            Csv.cell(email),
                                            Csv.cell(comment),
                                            String.valueOf(informed),
                                            String.valueOf(shown))
                                    + "\n");
                    rows[0]++;
                });
        return rows[0];
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

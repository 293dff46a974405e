package org.keephope.signature;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link StaffSignatures}: moderation, look-up by address MAC, erasure checks, the CSV export's read. */
@Repository
class StaffSignatureRepository {

    /** A confirmed signature as the export reads it; the comment only once approved. */
    record ExportRow(
            Instant confirmedAt,
            String country,
            String locale,
            byte[] nameEnc,
            byte[] emailEnc,
            String publicName,
            String comment,
            boolean keepInformed,
            boolean showPublicly) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    StaffSignatureRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    List<StaffSignatures.PendingComment> commentsWaiting(int limit) {
        return jdbc.sql("select id, campaign_id, country, comment, confirmed_at from signature"
                        + " where comment_status = 'PENDING' and status = 'CONFIRMED' order by confirmed_at limit ?")
                .param(limit)
                .query((rs, n) -> new StaffSignatures.PendingComment(
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        Rows.instant(rs, "confirmed_at")))
                .list();
    }

    long commentsWaitingCount() {
        return jdbc.sql("select count(*) from signature where comment_status = 'PENDING' and status = 'CONFIRMED'")
                .query(Long.class)
                .single();
    }

    /** Whether a pending comment was approved now. */
    int approveComment(UUID id) {
        return jdbc.sql("update signature set comment_status = 'APPROVED' where id = ? and comment_status = 'PENDING'")
                .param(id)
                .update();
    }

    /** Whether a pending comment was rejected (and deleted) now. */
    int rejectComment(UUID id) {
        return jdbc.sql("update signature set comment_status = 'REJECTED', comment = null where id = ?"
                        + " and comment_status = 'PENDING'")
                .param(id)
                .update();
    }

    List<StaffSignatures.Found> findByEmailMac(byte[] emailMac) {
        return jdbc.sql(
                        "select id, campaign_id, status, country, created_at, confirmed_at from signature where email_mac = ?"
                                + " order by created_at")
                .param(emailMac)
                .query((rs, n) -> new StaffSignatures.Found(
                        rs.getObject(1, UUID.class),
                        rs.getLong(2),
                        SignatureStatus.valueOf(rs.getString(3)),
                        rs.getString(4),
                        Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "confirmed_at")))
                .list();
    }

    /** The status of a signature that still has personal data to erase; empty if there is none. */
    Optional<SignatureStatus> statusIfErasable(UUID id) {
        return jdbc.sql("select status from signature where id = ? and (email_enc is not null or status = 'PENDING')")
                .param(id)
                .query(String.class)
                .optional()
                .map(SignatureStatus::valueOf);
    }

    /** A campaign's confirmed signatures in confirmation order, streamed (fetched 500 at a time). */
    void eachConfirmed(long campaignId, Consumer<ExportRow> each) {
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
                (ResultSet rs) -> each.accept(new ExportRow(
                        Rows.instant(rs, "confirmed_at"),
                        rs.getString("country"),
                        rs.getString("locale"),
                        rs.getBytes("name_enc"),
                        rs.getBytes("email_enc"),
                        rs.getString("public_name"),
                        CommentStatus.APPROVED.name().equals(rs.getString("comment_status"))
                                ? rs.getString("comment")
                                : null,
                        rs.getBoolean("keep_informed"),
                        rs.getBoolean("show_publicly"))));
    }
}

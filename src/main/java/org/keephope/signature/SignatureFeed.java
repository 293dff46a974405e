package org.keephope.signature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.keephope.audit.AuditLog;
import org.keephope.privacy.PersonalData;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's signatures page by page, for the API ({@code read:signatures}). Keyset pagination: a page
 * ends at a {@link Position} (the time it is ordered by and the signature's id), and the next page starts
 * after it, so rows confirmed meanwhile are neither skipped nor repeated, and a page costs one indexed range
 * read whatever its depth.
 *
 * <p>Only what each signer agreed to, as in the staff CSV export: name and email only of confirmed signers
 * who asked to be kept informed, the first name of those who chose to be shown, the comment once approved.
 * An unconfirmed signature shows no personal data at all: anyone can type anyone's address into the form,
 * and until its owner confirms it is not theirs. Erased signatures are not listed. Every page read is in
 * the audit log, with how many signatures and how many with contact details it handed out.
 */
@Service
public class SignatureFeed {

    /** Which signatures: confirmed (ordered by confirmation) or pending (ordered by when they were made). */
    public enum Status {
        CONFIRMED,
        PENDING
    }

    /** Where a page ended: the time the list is ordered by, then the signature's id. */
    public record Position(Instant at, UUID id) {}

    /**
     * One signature as the API hands it out; {@code null} for what the signer did not agree to share.
     *
     * @param keepInformed null while pending: the choices are not yet the address owner's
     * @param publicName the first name as shown in the public list, for those who chose to be shown
     */
    public record Entry(
            UUID id,
            Status status,
            String country,
            String language,
            Instant createdAt,
            Instant confirmedAt,
            Boolean keepInformed,
            Boolean showPublicly,
            String firstName,
            String lastName,
            String email,
            String publicName,
            String comment) {}

    /** A page, and where the next one starts (null after the last). */
    public record Page(List<Entry> entries, Position next) {}

    private static final String COLUMNS = "select id, status, country, locale, created_at, confirmed_at,"
            + " keep_informed, show_publicly, name_enc, email_enc, public_name,"
            + " case when comment_status = 'APPROVED' then comment end as comment";

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final AuditLog audit;

    SignatureFeed(JdbcClient jdbc, PersonalData personalData, AuditLog audit) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.audit = audit;
    }

    /**
     * Up to {@code limit} signatures of a campaign in {@code status}, after {@code after} (null: from the
     * start), ordered at or after {@code since} and before {@code until} (either may be null), audited as
     * read by {@code actor}.
     */
    @Transactional // not read-only: the read is written to the audit log
    public Page page(
            long campaignId, Status status, Instant since, Instant until, Position after, int limit, String actor) {
        String column = status == Status.CONFIRMED ? "confirmed_at" : "created_at";
        StringBuilder sql =
                new StringBuilder(COLUMNS + " from signature where campaign_id = :campaign and status = :status");
        if (status == Status.CONFIRMED) {
            sql.append(" and erased_at is null");
        }
        if (since != null) {
            sql.append(" and ").append(column).append(" >= :since");
        }
        if (until != null) {
            sql.append(" and ").append(column).append(" < :until");
        }
        if (after != null) {
            sql.append(" and (")
                    .append(column)
                    .append(" > :afterAt or (")
                    .append(column)
                    .append(" = :afterAt and id > :afterId))");
        }
        sql.append(" order by ").append(column).append(", id limit :limit");
        var statement = jdbc.sql(sql.toString())
                .param("campaign", campaignId)
                .param("status", status.name())
                .param("limit", limit + 1);
        if (since != null) {
            statement = statement.param("since", Rows.param(since));
        }
        if (until != null) {
            statement = statement.param("until", Rows.param(until));
        }
        if (after != null) {
            statement = statement.param("afterAt", Rows.param(after.at())).param("afterId", after.id());
        }
        List<Entry> rows =
                new ArrayList<>(statement.query((rs, n) -> entry(rs, status)).list());
        Position next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            Entry last = rows.get(limit - 1);
            next = new Position(status == Status.CONFIRMED ? last.confirmedAt() : last.createdAt(), last.id());
        }
        audited(campaignId, status.name().toLowerCase(java.util.Locale.ROOT), rows, actor);
        return new Page(List.copyOf(rows), next);
    }

    /** A numbered page of confirmed signatures and how many there are, for clients that page by number (OSDI). */
    public record Numbered(List<Entry> entries, long total) {}

    /**
     * Confirmed signatures {@code offset} to {@code offset + limit} in the order of {@link #page}, with their
     * total: for OSDI, whose paging is by number. Audited as {@link #page} is.
     */
    @Transactional
    public Numbered pageByNumber(long campaignId, int offset, int limit, String actor) {
        String where = " from signature where campaign_id = ? and status = 'CONFIRMED' and erased_at is null";
        long total = jdbc.sql("select count(*)" + where)
                .param(campaignId)
                .query(Long.class)
                .single();
        List<Entry> rows = offset >= total
                ? List.of()
                : jdbc.sql(COLUMNS + where + " order by confirmed_at, id limit ? offset ?")
                        .params(campaignId, limit, offset)
                        .query((rs, n) -> entry(rs, Status.CONFIRMED))
                        .list();
        audited(campaignId, "confirmed, from " + (offset + 1), rows, actor);
        return new Numbered(List.copyOf(rows), total);
    }

    private void audited(long campaignId, String what, List<Entry> rows, String actor) {
        long withContact = rows.stream().filter(e -> e.email() != null).count();
        audit.record(
                actor,
                "signature.api-read",
                "campaign",
                campaignId,
                what + ", " + rows.size() + " signatures, " + withContact + " with name and email");
    }

    private Entry entry(java.sql.ResultSet rs, Status status) throws java.sql.SQLException {
        return entry(
                rs.getObject("id", UUID.class),
                status,
                rs.getString("country"),
                rs.getString("locale"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "confirmed_at"),
                rs.getBoolean("keep_informed"),
                rs.getBoolean("show_publicly"),
                rs.getBytes("name_enc"),
                rs.getBytes("email_enc"),
                rs.getString("public_name"),
                rs.getString("comment"));
    }

    private Entry entry(
            UUID id,
            Status status,
            String country,
            String language,
            Instant createdAt,
            Instant confirmedAt,
            boolean keepInformed,
            boolean showPublicly,
            byte[] nameEnc,
            byte[] emailEnc,
            String publicName,
            String comment) {
        if (status == Status.PENDING) {
            return new Entry(id, status, country, language, createdAt, null, null, null, null, null, null, null, null);
        }
        String first = null;
        String last = null;
        String email = null;
        if (keepInformed && nameEnc != null && emailEnc != null) {
            String[] name = personalData.decrypt(nameEnc, Signing.NAME_CONTEXT).split("\n", 2);
            first = name[0];
            last = name.length > 1 ? name[1] : "";
            email = personalData.decrypt(emailEnc, Signing.EMAIL_CONTEXT);
        }
        return new Entry(
                id,
                status,
                country,
                language,
                createdAt,
                confirmedAt,
                keepInformed,
                showPublicly,
                first,
                last,
                email,
                showPublicly ? publicName : null,
                comment);
    }
}

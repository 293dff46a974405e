package org.keephope.signature;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link SignatureFeed}: a campaign's signatures by keyset or by number, as stored (encrypted). */
@Repository
class SignatureFeedRepository {

    /** A signature as the feed reads it; the comment only once approved. */
    record Stored(
            UUID id,
            String country,
            String locale,
            Instant createdAt,
            Instant confirmedAt,
            boolean keepInformed,
            boolean showPublicly,
            byte[] nameEnc,
            byte[] emailEnc,
            String publicName,
            String comment) {}

    private static final String COLUMNS = "select id, status, country, locale, created_at, confirmed_at,"
            + " keep_informed, show_publicly, name_enc, email_enc, public_name,"
            + " case when comment_status = 'APPROVED' then comment end as comment";

    private static final String CONFIRMED =
            " from signature where campaign_id = ? and status = 'CONFIRMED' and erased_at is null";

    private final JdbcClient jdbc;

    SignatureFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} signatures of a campaign in {@code status}, after {@code after} (null: from the
     * start), ordered at or after {@code since} and before {@code until} (either may be null).
     */
    List<Stored> page(
            long campaignId,
            SignatureFeed.Status status,
            Instant since,
            Instant until,
            SignatureFeed.Position after,
            int limit) {
        String column = status == SignatureFeed.Status.CONFIRMED ? "confirmed_at" : "created_at";
        StringBuilder sql =
                new StringBuilder(COLUMNS + " from signature where campaign_id = :campaign and status = :status");
        if (status == SignatureFeed.Status.CONFIRMED) {
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
                .param("limit", limit);
        if (since != null) {
            statement = statement.param("since", Rows.param(since));
        }
        if (until != null) {
            statement = statement.param("until", Rows.param(until));
        }
        if (after != null) {
            statement = statement.param("afterAt", Rows.param(after.at())).param("afterId", after.id());
        }
        return statement.query((rs, n) -> stored(rs)).list();
    }

    long countConfirmed(long campaignId) {
        return jdbc.sql("select count(*)" + CONFIRMED)
                .param(campaignId)
                .query(Long.class)
                .single();
    }

    /** Confirmed signatures {@code offset} to {@code offset + limit}, in confirmation order. */
    List<Stored> confirmedByNumber(long campaignId, int offset, int limit) {
        return jdbc.sql(COLUMNS + CONFIRMED + " order by confirmed_at, id limit ? offset ?")
                .params(campaignId, limit, offset)
                .query((rs, n) -> stored(rs))
                .list();
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(
                rs.getObject("id", UUID.class),
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
}

package org.keephope.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Targets' responses and the mailings about them. */
@Repository
class ResponseRepository {

    /** A mailing that is not done, locked by this transaction. */
    record Mailing(long responseId, UUID afterId, int mailed) {}

    private final JdbcClient jdbc;

    ResponseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(
            long campaignId,
            long targetId,
            LocalDate on,
            String summary,
            String link,
            String locale,
            Instant at,
            String actor) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into target_response (campaign_id, target_id, responded_on, summary, link, locale,
                          recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(campaignId, targetId, on, summary, link, locale, Rows.param(at), actor)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("insert into response_mailing (response_id) values (?)")
                .param(id)
                .update();
        return id;
    }

    List<Responses.Response> forCampaign(long campaignId) {
        return jdbc.sql("""
                        select r.id, r.campaign_id, r.target_id, r.responded_on, r.summary, r.link, r.locale,
                               r.recorded_at, r.recorded_by, m.mailed, m.mode, m.done_at
                          from target_response r left join response_mailing m on m.response_id = r.id
                         where r.campaign_id = ? order by r.responded_on, r.id
                        """).param(campaignId).query((rs, n) -> response(rs)).list();
    }

    Optional<Responses.Response> byId(long id) {
        return jdbc.sql("""
                        select r.id, r.campaign_id, r.target_id, r.responded_on, r.summary, r.link, r.locale,
                               r.recorded_at, r.recorded_by, m.mailed, m.mode, m.done_at
                          from target_response r left join response_mailing m on m.response_id = r.id
                         where r.id = ?
                        """).param(id).query((rs, n) -> response(rs)).optional();
    }

    /** One mailing that is not done, locked; one another node holds is skipped. */
    Optional<Mailing> lockNextMailing() {
        return jdbc.sql("""
                        select response_id, after_id, mailed from response_mailing
                         where done_at is null order by response_id limit 1
                         for update skip locked
                        """)
                .query((rs, n) -> new Mailing(rs.getLong(1), rs.getObject(2, UUID.class), rs.getInt(3)))
                .optional();
    }

    void advance(long responseId, UUID afterId, int mailed) {
        jdbc.sql("update response_mailing set after_id = ?, mailed = mailed + ? where response_id = ?")
                .params(afterId, mailed, responseId)
                .update();
    }

    void finish(long responseId, String mode, Instant at) {
        jdbc.sql("update response_mailing set mode = ?, done_at = ? where response_id = ?")
                .params(mode, Rows.param(at), responseId)
                .update();
    }

    private static Responses.Response response(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Responses.Response(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("target_id"),
                rs.getObject("responded_on", LocalDate.class),
                rs.getString("summary"),
                rs.getString("link"),
                rs.getString("locale"),
                Rows.instant(rs, "recorded_at"),
                rs.getString("recorded_by"),
                rs.getInt("mailed"),
                rs.getString("mode"),
                Rows.instant(rs, "done_at"));
    }
}

package org.keephope.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

    /** No translation matches it: the reads below give the original language. */
    private static final String ORIGINAL = "";

    private static final String SELECT = """
            select c.*, t.locale as t_locale, t.title as t_title, t.summary as t_summary, t.body as t_body
              from campaign c
              left join campaign_translation t on t.campaign_id = c.id and t.locale = :locale
            """;

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewCampaign c, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into campaign (slug, status, original_locale, title, summary, body, image, image_alt,
                          event_name, event_place, event_starts, event_ends, deadline, signature_goal,
                          press_name, press_email, press_phone, created_at, updated_at, closed_at, launched_at)
                        values (:slug, :status, :locale, :title, :summary, :body, :image, :imageAlt,
                          :eventName, :eventPlace, :eventStarts, :eventEnds, :deadline, :goal,
                          :pressName, :pressEmail, :pressPhone, :now, :now, :closedAt, :launchedAt)
                        """)
                .params(params(c, now))
                .param("closedAt", c.status().hasClosed() ? Rows.param(now) : null)
                .param("launchedAt", c.status() == CampaignStatus.DRAFT ? null : Rows.param(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The named parameters of a campaign's columns, shared by insert and update. */
    private static java.util.Map<String, Object> params(NewCampaign c, Instant now) {
        Event e = c.event() == null ? new Event(null, null, null, null) : c.event();
        PressContact p = c.press() == null ? new PressContact(null, null, null) : c.press();
        var params = new java.util.HashMap<String, Object>();
        params.put("slug", c.slug());
        params.put("status", c.status().name());
        params.put("locale", c.originalLocale());
        params.put("title", c.title());
        params.put("summary", c.summary());
        params.put("body", c.body());
        params.put("image", c.image());
        params.put("imageAlt", c.imageAlt());
        params.put("eventName", e.name());
        params.put("eventPlace", e.place());
        params.put("eventStarts", e.starts());
        params.put("eventEnds", e.ends());
        params.put("deadline", Rows.param(c.deadline()));
        params.put("goal", c.signatureGoal());
        params.put("pressName", p.name());
        params.put("pressEmail", p.email());
        params.put("pressPhone", p.phone());
        params.put("now", Rows.param(now));
        return params;
    }

    Integer version(String slug) {
        return jdbc.sql("select version from campaign where slug = ?")
                .param(slug)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    /** Saves an edit unless someone else saved first (the version moved on); says whether it saved. */
    boolean update(long id, int expectedVersion, NewCampaign c, Instant now) {
        return jdbc.sql("""
                        update campaign set slug = :slug, title = :title, summary = :summary, body = :body, image = :image,
                          image_alt = :imageAlt, event_name = :eventName, event_place = :eventPlace,
                          event_starts = :eventStarts, event_ends = :eventEnds, deadline = :deadline,
                          signature_goal = :goal, press_name = :pressName, press_email = :pressEmail,
                          press_phone = :pressPhone, updated_at = :now, version = version + 1
                         where id = :id and version = :version
                        """)
                        .params(params(c, now))
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    void setImage(long id, String image, String alt, Instant now) {
        jdbc.sql(
                        "update campaign set image = ?, image_alt = coalesce(?, image_alt), updated_at = ?, version = version + 1"
                                + " where id = ?")
                .params(image, alt, Rows.param(now), id)
                .update();
    }

    /**
     * Moves the lifecycle on; the first move to closed (or delivered) records when signing ended, a move back to
     * live (reopening) forgets it, so that retention does not run for a campaign that takes signatures again.
     * The first move to live records the launch (a reopening keeps it).
     */
    boolean changeStatus(long id, CampaignStatus from, CampaignStatus to, Instant now) {
        return jdbc.sql("update campaign set status = ?, updated_at = ?, version = version + 1,"
                                + " closed_at = case when ? then coalesce(closed_at, ?) else null end,"
                                + " launched_at = coalesce(launched_at, ?)"
                                + " where id = ? and status = ?")
                        .params(
                                to.name(),
                                Rows.param(now),
                                to.hasClosed(),
                                Rows.param(now),
                                to == CampaignStatus.DRAFT ? null : Rows.param(now),
                                id,
                                from.name())
                        .update()
                == 1;
    }

    /** When the campaign was first published; empty for a draft. */
    Optional<Instant> launchedAt(long id) {
        return jdbc.sql("select launched_at from campaign where id = ?")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(Rows.instant(rs, "launched_at")))
                .optional()
                .flatMap(o -> o);
    }

    record Due(long id, String slug, Instant deadline) {}

    /** Live campaigns whose deadline has passed: the clock closes them. */
    List<Due> dueToClose(Instant now) {
        return jdbc.sql("""
                        select id, slug, deadline from campaign
                         where status = 'LIVE' and deadline is not null and deadline <= ?
                         order by id
                        """)
                .param(Rows.param(now))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), Rows.instant(rs, "deadline")))
                .list();
    }

    /**
     * Closes a live campaign whose deadline has passed, as of its deadline. Conditional: of any number of nodes
     * trying at once, one changes the row and the others find it closed already (false).
     */
    boolean closeAtDeadline(long id, Instant now) {
        return jdbc.sql("""
                        update campaign set status = 'CLOSED', closed_at = coalesce(closed_at, deadline),
                               updated_at = ?, version = version + 1
                         where id = ? and status = 'LIVE' and deadline is not null and deadline <= ?
                        """).params(Rows.param(now), id, Rows.param(now)).update() == 1;
    }

    /**
     * Campaigns whose signing ended before a time: closed by staff then, or a public campaign whose
     * deadline passed then, whichever came first.
     */
    List<Long> endedBefore(Instant cutoff) {
        return jdbc.sql("""
                        select id from campaign
                         where closed_at < :cutoff
                            or (status <> 'DRAFT' and deadline < :cutoff)
                         order by id
                        """)
                .param("cutoff", Rows.param(cutoff))
                .query(Long.class)
                .list();
    }

    void upsertTranslation(long campaignId, String locale, String title, String summary, String body) {
        int updated = jdbc.sql(
                        "update campaign_translation set title = ?, summary = ?, body = ? where campaign_id = ? and locale = ?")
                .params(title, summary, body, campaignId, locale)
                .update();
        if (updated == 0) {
            insertTranslation(campaignId, locale, title, summary, body);
        }
    }

    record Translation(String title, String summary, String body) {}

    Optional<Translation> translation(long campaignId, String locale) {
        return jdbc.sql("select title, summary, body from campaign_translation where campaign_id = ? and locale = ?")
                .params(campaignId, locale)
                .query((rs, n) -> new Translation(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    void removeMember(long campaignId, long organisationId) {
        jdbc.sql("delete from campaign_member where campaign_id = ? and organisation_id = ?")
                .params(campaignId, organisationId)
                .update();
    }

    long count() {
        return jdbc.sql("select count(*) from campaign").query(Long.class).single();
    }

    void insertTranslation(long campaignId, String locale, String title, String summary, String body) {
        jdbc.sql("insert into campaign_translation (campaign_id, locale, title, summary, body) values (?, ?, ?, ?, ?)")
                .params(campaignId, locale, title, summary, body)
                .update();
    }

    void insertMember(long campaignId, long organisationId, MemberRole role, int position) {
        jdbc.sql("insert into campaign_member (campaign_id, organisation_id, role, position) values (?, ?, ?, ?)")
                .params(campaignId, organisationId, role.name(), position)
                .update();
    }

    /** A campaign in its original language. */
    Optional<CampaignRow> findBySlug(String slug) {
        return findTranslated(slug, ORIGINAL);
    }

    /** A campaign with its title, summary and body in {@code language} where translated, else the original's. */
    Optional<CampaignRow> findTranslated(String slug, String language) {
        return jdbc.sql(SELECT + " where c.slug = :slug")
                .param("locale", language)
                .param("slug", slug)
                .query(CampaignRepository::row)
                .optional();
    }

    /** A campaign in its original language. */
    Optional<CampaignRow> findById(long id) {
        return findTranslatedById(id, ORIGINAL);
    }

    /** As {@link #findTranslated}, by id. */
    Optional<CampaignRow> findTranslatedById(long id, String language) {
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("locale", language)
                .param("id", id)
                .query(CampaignRepository::row)
                .optional();
    }

    List<CampaignRow> findByStatus(List<String> statuses, String locale) {
        return jdbc.sql(SELECT + " where c.status in (:statuses) order by c.created_at desc, c.id desc")
                .param("locale", locale)
                .param("statuses", statuses)
                .query(CampaignRepository::row)
                .list();
    }

    record MemberRow(long organisationId, MemberRole role) {}

    List<MemberRow> findMembers(long campaignId) {
        return jdbc.sql("select organisation_id, role from campaign_member where campaign_id = ?"
                        + " order by case role when 'LEAD' then 0 else 1 end, position, organisation_id")
                .param(campaignId)
                .query((rs, n) -> new MemberRow(rs.getLong(1), MemberRole.valueOf(rs.getString(2))))
                .list();
    }

    private static CampaignRow row(ResultSet rs, int n) throws SQLException {
        String translatedTitle = rs.getString("t_title");
        String original = rs.getString("original_locale");
        return new CampaignRow(
                rs.getLong("id"),
                rs.getString("slug"),
                CampaignStatus.valueOf(rs.getString("status")),
                translatedTitle != null ? rs.getString("t_locale") : original,
                firstNonNull(translatedTitle, rs.getString("title")),
                firstNonNull(rs.getString("t_summary"), rs.getString("summary")),
                firstNonNull(rs.getString("t_body"), rs.getString("body")),
                rs.getString("image"),
                rs.getString("image_alt"),
                new Event(
                        rs.getString("event_name"),
                        rs.getString("event_place"),
                        Rows.date(rs, "event_starts"),
                        Rows.date(rs, "event_ends")),
                Rows.instant(rs, "deadline"),
                Rows.integer(rs, "signature_goal"),
                new PressContact(rs.getString("press_name"), rs.getString("press_email"), rs.getString("press_phone")),
                Rows.instant(rs, "updated_at"));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}

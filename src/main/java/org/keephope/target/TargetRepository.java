package org.keephope.target;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TargetRepository {

    private static final String COLUMNS =
            "t.id, t.external_id, t.country, t.name, t.title, t.office, t.contact_emails, t.contact_url, t.photo,"
                    + " t.time_zone, t.active, t.version";

    /** One campaign's target as the repository reads it: the target, its translation rows, the link's details. */
    record Link(EditableTarget target, int position, String note, boolean fallback) {}

    private final JdbcClient jdbc;

    TargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(TargetData d) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into target (external_id, country, name, title, office, contact_emails, contact_url,
                          time_zone, active)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).params(columns(d)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeTranslations(id, d);
        return id;
    }

    /** The values of the columns insert and update write, in that order. */
    private static List<Object> columns(TargetData d) {
        return Arrays.asList(
                d.externalId(),
                d.country(),
                d.original().name(),
                d.original().title(),
                d.original().office(),
                emails(d),
                d.contactUrl(),
                d.timeZone(),
                d.active());
    }

    /** Saves only if nobody saved since {@code version}; false otherwise. */
    boolean update(long id, int version, TargetData d) {
        boolean saved = jdbc.sql("""
                                update target set external_id = ?, country = ?, name = ?, title = ?, office = ?,
                                  contact_emails = ?, contact_url = ?, time_zone = ?, active = ?, version = version + 1
                                 where id = ? and version = ?
                                """)
                        .params(Stream.concat(columns(d).stream(), Stream.of(id, version))
                                .toList())
                        .update()
                == 1;
        if (saved) {
            writeTranslations(id, d);
        }
        return saved;
    }

    boolean setActive(long id, boolean active) {
        return jdbc.sql("update target set active = ?, version = version + 1 where id = ?")
                        .params(active, id)
                        .update()
                == 1;
    }

    boolean setPhoto(long id, String photo) {
        return jdbc.sql("update target set photo = ?, version = version + 1 where id = ?")
                        .params(photo, id)
                        .update()
                == 1;
    }

    private void writeTranslations(long id, TargetData d) {
        jdbc.sql("delete from target_translation where target_id = ?").param(id).update();
        d.translations().forEach((locale, names) -> {
            if (!names.isEmpty()) {
                jdbc.sql(
                                "insert into target_translation (target_id, locale, name, title, office) values (?, ?, ?, ?, ?)")
                        .params(id, locale, names.name(), names.title(), names.office())
                        .update();
            }
        });
    }

    Optional<EditableTarget> find(long id) {
        // the id is a long, so it can be written into the statement
        return all("where t.id = " + id).stream().findFirst();
    }

    Optional<EditableTarget> findByExternalId(String externalId) {
        return jdbc.sql("select id from target where external_id = ?")
                .param(externalId)
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }

    List<EditableTarget> findAll() {
        return all("");
    }

    private List<EditableTarget> all(String where) {
        Map<Long, Map<String, TargetNames>> translations = translations(where);
        return jdbc.sql("select " + COLUMNS + " from target t " + where + " order by t.country, t.name")
                .query((rs, n) -> editable(rs, translations.getOrDefault(rs.getLong("id"), Map.of())))
                .list();
    }

    private Map<Long, Map<String, TargetNames>> translations(String where) {
        Map<Long, Map<String, TargetNames>> byTarget = new HashMap<>();
        jdbc.sql("select tr.* from target_translation tr join target t on t.id = tr.target_id " + where)
                .query(rs -> {
                    byTarget.computeIfAbsent(rs.getLong("target_id"), k -> new HashMap<>())
                            .put(
                                    rs.getString("locale"),
                                    new TargetNames(
                                            rs.getString("name"), rs.getString("title"), rs.getString("office")));
                });
        return byTarget;
    }

    List<Link> findForCampaign(long campaignId) {
        Map<Long, EditableTarget> byId = new HashMap<>();
        for (EditableTarget t :
                all("where t.id in (select target_id from campaign_target where campaign_id = " + campaignId + ")")) {
            byId.put(t.id(), t);
        }
        return jdbc.sql("select target_id, position, note, fallback from campaign_target where campaign_id = ?"
                        + " order by position, target_id")
                .param(campaignId)
                .query((rs, n) -> new Link(
                        byId.get(rs.getLong("target_id")),
                        rs.getInt("position"),
                        rs.getString("note"),
                        rs.getBoolean("fallback")))
                .list();
    }

    void replaceCampaignTargets(long campaignId, List<Link> links) {
        jdbc.sql("delete from campaign_target where campaign_id = ?")
                .param(campaignId)
                .update();
        for (Link link : links) {
            addToCampaign(campaignId, link.target().id(), link.position(), link.note(), link.fallback());
        }
    }

    void addToCampaign(long campaignId, long targetId, int position, String note, boolean fallback) {
        jdbc.sql(
                        "insert into campaign_target (campaign_id, target_id, position, note, fallback) values (?, ?, ?, ?, ?)")
                .params(campaignId, targetId, position, note, fallback)
                .update();
    }

    private static EditableTarget editable(ResultSet rs, Map<String, TargetNames> translations) throws SQLException {
        String emails = rs.getString("contact_emails");
        var data = new TargetData(
                rs.getString("external_id"),
                rs.getString("country"),
                new TargetNames(rs.getString("name"), rs.getString("title"), rs.getString("office")),
                translations,
                emails == null || emails.isBlank()
                        ? List.of()
                        : Arrays.stream(emails.split(",")).map(String::strip).toList(),
                rs.getString("contact_url"),
                rs.getString("time_zone"),
                rs.getBoolean("active"));
        return new EditableTarget(rs.getLong("id"), data, rs.getString("photo"), rs.getInt("version"));
    }

    private static String emails(TargetData d) {
        return d.contactEmails().isEmpty() ? null : String.join(", ", d.contactEmails());
    }
}

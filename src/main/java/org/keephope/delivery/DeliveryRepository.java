package org.keephope.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Packages made (their hashes), deliveries on record and responses: rows are only ever added. */
@Repository
class DeliveryRepository {

    private static final RowMapper<Deliveries.MadePackage> MADE_PACKAGE = (rs, n) -> new Deliveries.MadePackage(
            rs.getLong("id"),
            (Long) rs.getObject("target_id", Long.class),
            rs.getString("locale"),
            rs.getString("format"),
            rs.getString("sha256"),
            rs.getLong("size_bytes"),
            Rows.instant(rs, "made_at"),
            rs.getString("made_by"));

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addPackage(
            long campaignId,
            Long targetId,
            String locale,
            String format,
            String sha256,
            long size,
            Instant at,
            String actor) {
        jdbc.sql("""
                        insert into delivery_package (campaign_id, target_id, locale, format, sha256, size_bytes,
                          made_at, made_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(campaignId, targetId, locale, format, sha256, size, Rows.param(at), actor)
                .update();
    }

    List<Deliveries.MadePackage> packages(long campaignId, int limit) {
        return jdbc.sql("""
                        select id, target_id, locale, format, sha256, size_bytes, made_at, made_by
                          from delivery_package where campaign_id = ? order by made_at desc, id desc limit ?
                        """).params(campaignId, limit).query(MADE_PACKAGE).list();
    }

    Optional<Deliveries.MadePackage> packageByHash(long campaignId, String sha256) {
        return jdbc.sql("""
                        select id, target_id, locale, format, sha256, size_bytes, made_at, made_by
                          from delivery_package where campaign_id = ? and sha256 = ? order by id limit 1
                        """).params(campaignId, sha256).query(MADE_PACKAGE).optional();
    }

    Optional<Deliveries.MadePackage> packageById(long campaignId, long id) {
        return jdbc.sql("""
                        select id, target_id, locale, format, sha256, size_bytes, made_at, made_by
                          from delivery_package where campaign_id = ? and id = ?
                        """).params(campaignId, id).query(MADE_PACKAGE).optional();
    }

    /** The packages of a campaign with this hash that were made for this target or for all, oldest first. */
    Optional<Deliveries.MadePackage> packageFor(long campaignId, long targetId, String sha256) {
        return jdbc.sql("""
                        select id from delivery_package
                         where campaign_id = ? and sha256 = ? and (target_id is null or target_id = ?)
                         order by id limit 1
                        """)
                .params(campaignId, sha256, targetId)
                .query(Long.class)
                .optional()
                .flatMap(id -> packageById(campaignId, id));
    }

    /** A package of a campaign with this hash that was made for all its targets. */
    Optional<Deliveries.MadePackage> packageForAll(long campaignId, String sha256) {
        return jdbc.sql("""
                        select id from delivery_package
                         where campaign_id = ? and sha256 = ? and target_id is null
                         order by id limit 1
                        """)
                .params(campaignId, sha256)
                .query(Long.class)
                .optional()
                .flatMap(id -> packageById(campaignId, id));
    }

    long addRecord(
            long campaignId,
            long targetId,
            java.time.LocalDate on,
            DeliveryMethod method,
            String by,
            String note,
            Deliveries.MadePackage made,
            Instant at,
            String actor) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delivery_record (campaign_id, target_id, delivered_on, method, delivered_by, note,
                          package_id, package_sha256, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        campaignId,
                        targetId,
                        on,
                        method.name(),
                        by,
                        note,
                        made.id(),
                        made.sha256(),
                        Rows.param(at),
                        actor)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Deliveries.OnRecord> records(long campaignId) {
        return jdbc.sql("""
                        select r.id, r.target_id, r.delivered_on, r.method, r.delivered_by, r.note, r.package_sha256,
                               r.recorded_at, r.recorded_by, p.format, p.locale
                          from delivery_record r join delivery_package p on p.id = r.package_id
                         where r.campaign_id = ? order by r.delivered_on, r.id
                        """)
                .param(campaignId)
                .query((rs, n) -> new Deliveries.OnRecord(
                        rs.getLong("id"),
                        rs.getLong("target_id"),
                        rs.getObject("delivered_on", java.time.LocalDate.class),
                        DeliveryMethod.valueOf(rs.getString("method")),
                        rs.getString("delivered_by"),
                        rs.getString("note"),
                        rs.getString("package_sha256"),
                        rs.getString("format"),
                        rs.getString("locale"),
                        Rows.instant(rs, "recorded_at"),
                        rs.getString("recorded_by")))
                .list();
    }
}

package org.keephope.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Packages made (their hashes), deliveries on record and responses: rows are only ever added. */
@Repository
class DeliveryRepository {

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
                        """)
                .params(campaignId, limit)
                .query((rs, n) -> new Deliveries.MadePackage(
                        rs.getLong("id"),
                        (Long) rs.getObject("target_id", Long.class),
                        rs.getString("locale"),
                        rs.getString("format"),
                        rs.getString("sha256"),
                        rs.getLong("size_bytes"),
                        Rows.instant(rs, "made_at"),
                        rs.getString("made_by")))
                .list();
    }

    Optional<Deliveries.MadePackage> packageByHash(long campaignId, String sha256) {
        return jdbc.sql("""
                        select id, target_id, locale, format, sha256, size_bytes, made_at, made_by
                          from delivery_package where campaign_id = ? and sha256 = ? order by id limit 1
                        """)
                .params(campaignId, sha256)
                .query((rs, n) -> new Deliveries.MadePackage(
                        rs.getLong("id"),
                        (Long) rs.getObject("target_id", Long.class),
                        rs.getString("locale"),
                        rs.getString("format"),
                        rs.getString("sha256"),
                        rs.getLong("size_bytes"),
                        Rows.instant(rs, "made_at"),
                        rs.getString("made_by")))
                .optional();
    }
}

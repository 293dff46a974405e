package org.keephope.stats;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** stats_hourly: confirmed signatures per campaign, hour (since 1970, UTC) and country, over shards. */
@Repository
class HourlyRepository {

    static final int SHARDS = 16;

    /** The hour of a signature in SQL, as {@link Hours#of} computes it in Java. */
    private static final String HOUR_OF_CONFIRMATION = "cast(floor(extract(epoch from confirmed_at) / 3600) as bigint)";

    record Cell(long hour, String country, long n) {}

    private final JdbcClient jdbc;

    HourlyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long campaignId, long hour, String country, int shard, long delta) {
        if (update(campaignId, hour, country, shard, delta) == 0) {
            jdbc.sql("insert into stats_hourly (campaign_id, hour_utc, country, shard, n) values (?, ?, ?, ?, 0)"
                            + " on conflict do nothing")
                    .params(campaignId, hour, country, shard)
                    .update();
            update(campaignId, hour, country, shard, delta);
        }
    }

    private int update(long campaignId, long hour, String country, int shard, long delta) {
        return jdbc.sql("update stats_hourly set n = n + ? where campaign_id = ? and hour_utc = ? and country = ?"
                        + " and shard = ?")
                .params(delta, campaignId, hour, country, shard)
                .update();
    }

    /** Signatures per hour, all countries together, in order; hours with none are left out. */
    List<Cell> perHour(long campaignId) {
        return jdbc.sql("select hour_utc, sum(n) from stats_hourly where campaign_id = ? group by hour_utc"
                        + " having sum(n) <> 0 order by hour_utc")
                .param(campaignId)
                .query((rs, i) -> new Cell(rs.getLong(1), null, rs.getLong(2)))
                .list();
    }

    /** Signatures per hour and country from an hour on: for staff only (see {@code docs/ARCHITECTURE.md}). */
    List<Cell> perHourAndCountry(long campaignId, long fromHour) {
        return jdbc.sql("select hour_utc, country, sum(n) from stats_hourly where campaign_id = ? and hour_utc >= ?"
                        + " group by hour_utc, country having sum(n) <> 0 order by hour_utc, country")
                .params(campaignId, fromHour)
                .query((rs, i) -> new Cell(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /**
     * What the counts miss or overcount, per hour and country, in one statement: one snapshot of both tables,
     * so a confirmation committing meanwhile moves both sides and leaves the difference right.
     */
    List<Cell> drift(long campaignId) {
        List<Cell> result = new ArrayList<>();
        jdbc.sql("select h, country, sum(n) from ("
                        + " select h, country, count(*) as n from (select " + HOUR_OF_CONFIRMATION
                        + " as h, country from signature where campaign_id = :c and status = 'CONFIRMED'"
                        + " and confirmed_at is not null) s group by h, country"
                        + " union all"
                        + " select hour_utc as h, country, -sum(n) as n from stats_hourly where campaign_id = :c"
                        + " group by hour_utc, country"
                        + ") d group by h, country having sum(n) <> 0")
                .param("c", campaignId)
                .query((ResultSet rs) -> {
                    result.add(new Cell(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                });
        return result;
    }

    /**
     * Folds the shards of each hour before {@code beforeHour} into shard 0, so that drawing reads about one row
     * per hour and country however many confirmations an hour had. The rows are locked first, so an erasure
     * moving a count meanwhile waits and is not lost. Returns how many hours and countries it folded.
     */
    int compact(long campaignId, long beforeHour) {
        List<Cell> spread = jdbc.sql("select hour_utc, country from stats_hourly where campaign_id = ? and hour_utc < ?"
                        + " group by hour_utc, country having count(*) > 1")
                .params(campaignId, beforeHour)
                .query((rs, i) -> new Cell(rs.getLong(1), rs.getString(2), 0))
                .list();
        for (Cell cell : spread) {
            Map<Integer, Long> shards = new TreeMap<>();
            jdbc.sql(
                            "select shard, n from stats_hourly where campaign_id = ? and hour_utc = ? and country = ? for update")
                    .params(campaignId, cell.hour(), cell.country())
                    .query((ResultSet rs) -> {
                        shards.put(rs.getInt(1), rs.getLong(2));
                    });
            long others = shards.entrySet().stream()
                    .filter(e -> e.getKey() != 0)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            jdbc.sql("delete from stats_hourly where campaign_id = ? and hour_utc = ? and country = ? and shard <> 0")
                    .params(campaignId, cell.hour(), cell.country())
                    .update();
            add(campaignId, cell.hour(), cell.country(), 0, others);
        }
        return spread.size();
    }

    List<Long> campaignsWithSignatures() {
        return jdbc.sql(
                        "select distinct campaign_id from signature union select distinct campaign_id from stats_hourly")
                .query(Long.class)
                .list();
    }
}

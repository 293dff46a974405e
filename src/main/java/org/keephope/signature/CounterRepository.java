package org.keephope.signature;

import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** signature_count: confirmed signatures per campaign and country, spread over shards. */
@Repository
class CounterRepository {

    static final int SHARDS = 16;

    private final JdbcClient jdbc;

    CounterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long campaignId, String country, int shard, long delta) {
        if (update(campaignId, country, shard, delta) == 0) {
            jdbc.sql("insert into signature_count (campaign_id, country, shard, n) values (?, ?, ?, 0)"
                            + " on conflict do nothing")
                    .params(campaignId, country, shard)
                    .update();
            update(campaignId, country, shard, delta);
        }
    }

    private int update(long campaignId, String country, int shard, long delta) {
        return jdbc.sql("update signature_count set n = n + ? where campaign_id = ? and country = ? and shard = ?")
                .params(delta, campaignId, country, shard)
                .update();
    }

    Map<String, Long> byCountry(long campaignId) {
        Map<String, Long> result = new TreeMap<>();
        jdbc.sql("select country, sum(n) from signature_count where campaign_id = ? group by country")
                .param(campaignId)
                .query((ResultSet rs) -> {
                    long n = rs.getLong(2);
                    if (n != 0) {
                        result.put(rs.getString(1), n);
                    }
                });
        return result;
    }

    /**
     * What the counters miss or overcount, per country, in one statement: one snapshot of both tables, so a
     * confirmation committing meanwhile moves both sides and leaves the difference right.
     */
    Map<String, Long> drift(long campaignId) {
        Map<String, Long> result = new TreeMap<>();
        jdbc.sql("""
                        select country, sum(n) from (
                          select country, count(*) as n from signature
                           where campaign_id = :c and status = 'CONFIRMED' group by country
                          union all
                          select country, -sum(n) as n from signature_count where campaign_id = :c group by country
                        ) d group by country having sum(n) <> 0
                        """).param("c", campaignId).query((ResultSet rs) -> {
            result.put(rs.getString(1), rs.getLong(2));
        });
        return result;
    }

    List<Long> campaignsWithSignatures() {
        return jdbc.sql(
                        "select distinct campaign_id from signature union select distinct campaign_id from signature_count")
                .query(Long.class)
                .list();
    }
}

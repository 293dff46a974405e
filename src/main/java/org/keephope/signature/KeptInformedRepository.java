package org.keephope.signature;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link KeptInformed}: confirmed signatures whose supporters asked to be kept informed. */
@Repository
class KeptInformedRepository {

    /** One such signature as stored: the address and name still encrypted. */
    record Stored(UUID id, byte[] emailEnc, byte[] nameEnc, String locale) {}

    private final JdbcClient jdbc;

    KeptInformedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isKeptInformed(UUID signatureId) {
        return jdbc.sql(
                                "select count(*) from signature where id = ? and keep_informed = true and email_enc is not null")
                        .param(signatureId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void stop(UUID signatureId) {
        jdbc.sql("update signature set keep_informed = false where id = ?")
                .param(signatureId)
                .update();
    }

    long count(long campaignId) {
        return jdbc.sql("""
                        select count(*) from signature where campaign_id = ? and status = 'CONFIRMED'
                           and keep_informed = true and email_enc is not null
                        """).param(campaignId).query(Long.class).single();
    }

    List<Stored> after(long campaignId, UUID after, int limit) {
        String sql = """
                select id, email_enc, name_enc, locale from signature
                 where campaign_id = ? and status = 'CONFIRMED' and keep_informed = true and email_enc is not null
                """ + (after == null ? "" : " and id > ?") + " order by id limit ?";
        var spec = jdbc.sql(sql).param(campaignId);
        if (after != null) {
            spec = spec.param(after);
        }
        return spec.param(limit)
                .query((rs, n) ->
                        new Stored(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBytes(3), rs.getString(4)))
                .list();
    }
}

package org.keephope.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LogRepository {

    record Head(
            long campaignId,
            String origin,
            byte[] keyEnc,
            byte[] publicKey,
            long size,
            byte[] root,
            long additions,
            long withdrawals,
            String checkpoint,
            Instant signedAt) {}

    record Pending(long seq, char kind, UUID signatureId, byte[] entry, byte[] salt, String country) {}

    record LeafOf(long campaignId, long index, byte[] salt, String country) {}

    record Node(int level, long index, byte[] hash) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LogRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    private static final String HEAD_COLUMNS = "campaign_id, origin, key_enc, public_key, tree_size, root_hash,"
            + " additions, withdrawals, checkpoint, signed_at";

    private static Head head(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Head(
                rs.getLong("campaign_id"),
                rs.getString("origin"),
                rs.getBytes("key_enc"),
                rs.getBytes("public_key"),
                rs.getLong("tree_size"),
                rs.getBytes("root_hash"),
                rs.getLong("additions"),
                rs.getLong("withdrawals"),
                rs.getString("checkpoint"),
                Rows.instant(rs, "signed_at"));
    }

    Optional<Head> head(long campaignId) {
        return jdbc.sql("select " + HEAD_COLUMNS + " from log_head where campaign_id = ?")
                .param(campaignId)
                .query(LogRepository::head)
                .optional();
    }

    /** The head, locked until the transaction ends: one writer per log at a time, on any node. */
    Optional<Head> lockHead(long campaignId) {
        return jdbc.sql("select " + HEAD_COLUMNS + " from log_head where campaign_id = ? for update")
                .param(campaignId)
                .query(LogRepository::head)
                .optional();
    }

    /** Makes a campaign's log unless one exists (another transaction may make it at the same moment). */
    void createHead(Head head) {
        jdbc.sql("insert into log_head (" + HEAD_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(
                        head.campaignId(),
                        head.origin(),
                        head.keyEnc(),
                        head.publicKey(),
                        head.size(),
                        head.root(),
                        head.additions(),
                        head.withdrawals(),
                        head.checkpoint(),
                        Rows.param(head.signedAt()))
                .update();
    }

    void updateHead(
            long campaignId,
            long size,
            byte[] root,
            long additions,
            long withdrawals,
            String checkpoint,
            Instant signedAt) {
        jdbc.sql("update log_head set tree_size = ?, root_hash = ?, additions = ?, withdrawals = ?, checkpoint = ?,"
                        + " signed_at = ? where campaign_id = ?")
                .params(size, root, additions, withdrawals, checkpoint, Rows.param(signedAt), campaignId)
                .update();
    }

    void addPending(long campaignId, char kind, UUID signatureId, byte[] entry, byte[] salt, String country) {
        jdbc.sql("insert into log_pending (campaign_id, kind, signature_id, entry, salt, country)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(campaignId, String.valueOf(kind), signatureId, entry, salt, country)
                .update();
    }

    List<Pending> pending(long campaignId, int limit) {
        return jdbc.sql("select seq, kind, signature_id, entry, salt, country from log_pending where campaign_id = ?"
                        + " order by seq fetch first " + limit + " rows only")
                .param(campaignId)
                .query((rs, n) -> new Pending(
                        rs.getLong("seq"),
                        rs.getString("kind").charAt(0),
                        rs.getObject("signature_id", UUID.class),
                        rs.getBytes("entry"),
                        rs.getBytes("salt"),
                        rs.getString("country")))
                .list();
    }

    List<Long> campaignsWithPending() {
        return jdbc.sql("select distinct campaign_id from log_pending")
                .query(Long.class)
                .list();
    }

    void deletePending(List<Long> seqs) {
        template.batchUpdate(
                "delete from log_pending where seq = ?", seqs, seqs.size(), (ps, seq) -> ps.setLong(1, seq));
    }

    /** An erased signature's entry waiting to be appended keeps its place but loses its tie to the signature. */
    void forgetPending(UUID signatureId) {
        jdbc.sql("update log_pending set signature_id = null, salt = null, country = null"
                        + " where signature_id = ? and kind = 'A'")
                .param(signatureId)
                .update();
    }

    boolean hasPendingAddition(UUID signatureId) {
        return jdbc.sql("select count(*) from log_pending where signature_id = ? and kind = 'A'")
                        .param(signatureId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertEntries(long campaignId, long firstIndex, List<byte[]> entries) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            rows.add(new Object[] {campaignId, firstIndex + i, entries.get(i)});
        }
        template.batchUpdate("insert into log_entry (campaign_id, idx, entry) values (?, ?, ?)", rows);
    }

    void insertNodes(long campaignId, List<Node> nodes) {
        template.batchUpdate(
                "insert into log_node (campaign_id, level, idx, hash) values (?, ?, ?, ?)",
                nodes,
                nodes.size(),
                (ps, node) -> {
                    ps.setLong(1, campaignId);
                    ps.setInt(2, node.level());
                    ps.setLong(3, node.index());
                    ps.setBytes(4, node.hash());
                });
    }

    byte[] node(long campaignId, int level, long index) {
        return jdbc.sql("select hash from log_node where campaign_id = ? and level = ? and idx = ?")
                .params(campaignId, level, index)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElseThrow(() -> new IllegalStateException(
                        "log of campaign " + campaignId + " has no node " + level + "/" + index));
    }

    /** Consecutive hashes of one level, from {@code first}, at most {@code count}. */
    List<byte[]> nodes(long campaignId, int level, long first, int count) {
        return jdbc.sql("select hash from log_node where campaign_id = ? and level = ? and idx >= ? and idx < ?"
                        + " order by idx")
                .params(campaignId, level, first, first + count)
                .query((rs, n) -> rs.getBytes(1))
                .list();
    }

    List<byte[]> entries(long campaignId, long first, int count) {
        return jdbc.sql("select entry from log_entry where campaign_id = ? and idx >= ? and idx < ? order by idx")
                .params(campaignId, first, first + count)
                .query((rs, n) -> rs.getBytes(1))
                .list();
    }

    /** Whether an entry with exactly these bytes is among the campaign's entries after {@code after}. */
    boolean holdsAfter(long campaignId, long after, byte[] entry) {
        return jdbc.sql("select count(*) from log_entry where campaign_id = ? and idx > ? and entry = ?")
                        .params(campaignId, after, entry)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<byte[]> entry(long campaignId, long index) {
        return jdbc.sql("select entry from log_entry where campaign_id = ? and idx = ?")
                .params(campaignId, index)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    void insertLeafOf(UUID signatureId, long campaignId, long index, byte[] salt, String country) {
        jdbc.sql("insert into log_leaf_of (signature_id, campaign_id, idx, salt, country) values (?, ?, ?, ?, ?)")
                .params(signatureId, campaignId, index, salt, country)
                .update();
    }

    Optional<LeafOf> leafOf(UUID signatureId) {
        return jdbc.sql("select campaign_id, idx, salt, country from log_leaf_of where signature_id = ?")
                .param(signatureId)
                .query((rs, n) -> new LeafOf(
                        rs.getLong("campaign_id"), rs.getLong("idx"), rs.getBytes("salt"), rs.getString("country")))
                .optional();
    }

    void deleteLeafOf(UUID signatureId) {
        jdbc.sql("delete from log_leaf_of where signature_id = ?")
                .param(signatureId)
                .update();
    }
}

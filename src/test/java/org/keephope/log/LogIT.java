package org.keephope.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.Campaigns;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class LogIT extends AbstractIntegrationTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    SignatureLogs logs;

    @Autowired
    LogWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    /** Signs on the campaign's page and confirms from the mail; returns the confirmation link. */
    String signAndConfirm(String slug, Signer signer) {
        String page = "/campaigns/" + slug;
        var signed = post(page + "/sign", signer.formFrom(get(page).body()));
        assertThat(signed.statusCode()).isEqualTo(303);
        String confirm = Signer.link(signer.awaitMail(), "/confirm/");
        assertThat(post(confirm, Map.of()).statusCode()).isEqualTo(303);
        return confirm;
    }

    long campaignId(String slug) {
        return campaigns.ref(slug).orElseThrow().id();
    }

    HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<byte[]> hashes(String json, String field) {
        var m = Pattern.compile("\"" + field + "\":\\[([^\\]]*)\\]").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        List<byte[]> out = new ArrayList<>();
        for (String s : m.group(1).split(",")) {
            if (!s.isBlank()) {
                out.add(Base64.getDecoder().decode(s.replace("\"", "")));
            }
        }
        return out;
    }

    @Test
    void eachConfirmationIsAppendedAndTheSignedHeadsOnlyEverGrow() {
        String slug = LogFixtures.liveCampaign(campaigns);
        long id = campaignId(slug);
        var empty = get("/campaigns/" + slug + "/log/checkpoint");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        String origin = "keephope.test/campaigns/" + slug;
        assertThat(empty.body())
                .startsWith(origin + "\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n\u2014 " + origin + " ");

        signAndConfirm(slug, new Signer("Ann", "SE"));
        var first = logs.latestCheckpoint(id).orElseThrow();
        assertThat(first.treeSize()).isEqualTo(1);
        signAndConfirm(slug, new Signer("Bo", "DE"));
        signAndConfirm(slug, new Signer("Cy", "DE"));
        var head = logs.latestCheckpoint(id).orElseThrow();
        assertThat(head.treeSize()).isEqualTo(3);
        assertThat(head.count()).isEqualTo(3);

        // the served checkpoint is the signed head, and its signature checks with the published key
        String note = get("/campaigns/" + slug + "/log/checkpoint").body();
        assertThat(note).isEqualTo(head.note());
        var verifier = SignedNote.Verifier.parse(head.verifierKey());
        var checkpoint = Checkpoints.parse(SignedNote.open(note, verifier));
        assertThat(checkpoint.origin()).isEqualTo(origin);
        assertThat(checkpoint.size()).isEqualTo(3);

        // the tiles recompute the root
        var entries = bytes("/campaigns/" + slug + "/log/tile/entries/000.p/3");
        assertThat(entries.statusCode()).isEqualTo(200);
        assertThat(entries.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=60");
        MemoryTree fromBundle = new MemoryTree();
        ByteBuffer bundle = ByteBuffer.wrap(entries.body());
        while (bundle.hasRemaining()) {
            byte[] entry = new byte[bundle.getShort() & 0xffff];
            bundle.get(entry);
            assertThat(entry).hasSize(33).startsWith(LogEntries.ADDITION);
            fromBundle.add(entry);
        }
        assertThat(Merkle.root(fromBundle, 3)).isEqualTo(checkpoint.root());
        var tile = bytes("/campaigns/" + slug + "/log/tile/0/000.p/3");
        assertThat(tile.body()).hasSize(96);
        for (int i = 0; i < 3; i++) {
            assertThat(java.util.Arrays.copyOfRange(tile.body(), 32 * i, 32 * i + 32))
                    .isEqualTo(fromBundle.leaves.get(i));
        }

        // proofs
        String inclusion = get("/campaigns/" + slug + "/log/proof/inclusion?index=1&size=3")
                .body();
        assertThat(Merkle.verifyInclusion(
                        1, 3, fromBundle.leaves.get(1), hashes(inclusion, "proof"), checkpoint.root()))
                .isTrue();
        var firstRoot =
                Checkpoints.parse(SignedNote.open(first.note(), verifier)).root();
        String consistency =
                get("/campaigns/" + slug + "/log/proof/consistency?from=1&to=3").body();
        assertThat(Merkle.verifyConsistency(1, 3, firstRoot, checkpoint.root(), hashes(consistency, "proof")))
                .as("a later head is consistent with an earlier one")
                .isTrue();
    }

    @Test
    void tilesTheTreeDoesNotHaveAre404AndBadProofRequests400Problems() {
        String slug = LogFixtures.liveCampaign(campaigns);
        signAndConfirm(slug, new Signer("Di", "FR"));
        String log = "/campaigns/" + slug + "/log";
        for (String path : new String[] {
            "/tile/0/000",
            "/tile/0/000.p/2",
            "/tile/1/000.p/1",
            "/tile/entries/001.p/1",
            "/tile/x/000",
            "/tile/0/0000",
            "/tile/entries/000.p/0"
        }) {
            assertThat(get(log + path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get(log + "/tile/0/../000").statusCode())
                .as("refused before routing")
                .isEqualTo(400);
        assertThat(get(log + "/tile/0/000.p/1").statusCode()).isEqualTo(200);
        assertThat(get("/campaigns/no-such-campaign/log/checkpoint").statusCode())
                .isEqualTo(404);
        for (String query : new String[] {
            "/proof/inclusion?index=1&size=1", "/proof/inclusion?index=-1", "/proof/inclusion?index=a",
            "/proof/inclusion?index=0&size=2", "/proof/consistency?from=2&to=1", "/proof/consistency?from=0&to=5",
            "/proof/consistency?from=%00", "/proof/inclusion"
        }) {
            var answer = get(log + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        }
    }

    @Test
    void aCommittedConfirmationWhoseNodeDiedBeforeAppendingIsAppendedByTheSweep() {
        String slug = LogFixtures.liveCampaign(campaigns);
        long id = campaignId(slug);
        UUID signature = UUID.randomUUID();
        // what the confirming transaction writes; the node then "dies": nothing calls integrate
        transaction.executeWithoutResult(status -> writer.addition(signature, id, "PL"));
        assertThat(jdbc.sql("select count(*) from log_pending where campaign_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> logs.latestCheckpoint(id).orElseThrow().treeSize() > 0);
        assertThat(logs.latestCheckpoint(id).orElseThrow().treeSize()).isEqualTo(1);
        assertThat(jdbc.sql("select idx from log_leaf_of where signature_id = ?")
                        .param(signature)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void writersOnManyThreadsAppendWithoutGapsOrDuplicates() throws Exception {
        String slug = LogFixtures.liveCampaign(campaigns);
        long id = campaignId(slug);
        var pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            work.add(() -> {
                transaction.executeWithoutResult(status -> writer.addition(UUID.randomUUID(), id, "NL"));
                writer.integrateNow(id);
                return null;
            });
        }
        for (var f : pool.invokeAll(work)) {
            f.get();
        }
        pool.shutdown();
        writer.integrateNow(id);
        var head = logs.latestCheckpoint(id).orElseThrow();
        assertThat(head.treeSize()).isEqualTo(200);
        List<Long> indexes = jdbc.sql("select idx from log_entry where campaign_id = ? order by idx")
                .param(id)
                .query(Long.class)
                .list();
        assertThat(indexes).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(indexes.get(i)).isEqualTo(i);
        }
        MemoryTree tree = new MemoryTree();
        jdbc.sql("select entry from log_entry where campaign_id = ? order by idx")
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .list()
                .forEach(tree::add);
        assertThat(Merkle.root(tree, 200))
                .isEqualTo(head.note()
                        .lines()
                        .skip(2)
                        .findFirst()
                        .map(Base64.getDecoder()::decode)
                        .orElseThrow());
    }
}

package org.keephope.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keephope.campaign.Campaigns;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signer's receipt, the public log page, and the independent verifier ({@code verifier/KeepHopeLogVerifier.java},
 * run with the JDK's source launcher as a reader would) against this live application.
 */
class LogVerifierIT extends AbstractIntegrationTest {

    static final Path VERIFIER = Path.of(System.getProperty("basedir", "."), "verifier", "KeepHopeLogVerifier.java");

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @TempDir
    Path work;

    record Run(int exit, String output) {}

    Run verify(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command =
                new ArrayList<>(List.of(java, VERIFIER.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** Signs, confirms, and returns the page shown after confirming (the confirmation link's GET). */
    String signAndConfirm(String slug, Signer signer) {
        String page = "/campaigns/" + slug;
        assertThat(post(page + "/sign", signer.formFrom(get(page).body())).statusCode())
                .isEqualTo(303);
        String confirm = Signer.link(signer.awaitMail(), "/confirm/");
        assertThat(post(confirm, Map.of()).statusCode()).isEqualTo(303);
        var shown = get(confirm);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        return shown.body();
    }

    static String receipt(String confirmPage) {
        Matcher m = Pattern.compile("<textarea class=\"receipt-text\"[^>]*>([^<]*)</textarea>")
                .matcher(confirmPage);
        assertThat(m.find()).as("a receipt on the page:\n" + confirmPage).isTrue();
        return m.group(1)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#34;", "\"")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    Path save(String name, String text) throws IOException {
        return Files.writeString(work.resolve(name), text, StandardCharsets.UTF_8);
    }

    static String verifierKey(String logPage) {
        Matcher m = Pattern.compile("id=\"verifier-key\">([^<]+)<").matcher(logPage);
        assertThat(m.find()).isTrue();
        return m.group(1).replace("&#43;", "+").trim();
    }

    @Test
    void aSignerSavesTheReceiptAndTheVerifierFindsItAndTheCountOfThePage() throws Exception {
        String slug = LogFixtures.liveCampaign(campaigns);
        String campaignUrl = url("/campaigns/" + slug);

        String firstPage = signAndConfirm(slug, new Signer("Ann", "SE"));
        String firstReceipt = receipt(firstPage);
        assertThat(firstReceipt)
                .startsWith("keephope-receipt/v1\nlog " + BASE_URL + "/campaigns/" + slug + "\ncountry SE\nsalt ")
                .contains("\n\nc2sp.org/tlog-proof@v1\nindex 0\n")
                .doesNotContain("Ann")
                .doesNotContain("example.org\n");
        assertThat(firstPage).contains("download=\"keephope-receipt-" + slug + "-0.txt\"");
        Path earlier = save(
                "earlier-checkpoint.txt",
                get("/campaigns/" + slug + "/log/checkpoint").body());

        signAndConfirm(slug, new Signer("Bo", "DE"));
        String third = receipt(signAndConfirm(slug, new Signer("Cy", "DE")));
        assertThat(third).contains("\nindex 2\n");

        // the public log page: plain words in both languages, the head and the key
        var logPage = get("/campaigns/" + slug + "/log");
        assertThat(logPage.statusCode()).isEqualTo(200);
        assertThat(logPage.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        String key = verifierKey(logPage.body());
        assertThat(key).startsWith("keephope.test/campaigns/" + slug + "+");
        assertThat(logPage.body())
                .contains("Why you do not have to trust us")
                .contains("java KeepHopeLogVerifier.java");
        assertThat(get("/campaigns/" + slug + "/log?lang=ru").body()).contains("Почему нам не нужно верить на слово");

        // the receipt is in the log, the count is the page's and the API's, a saved head is extended
        String api = get("/api/campaigns/" + slug).body();
        assertThat(api).contains("\"signatures\":3");
        // the receipt names the public base URL (keephope.test); the test reaches the app on localhost
        Path receipt = save("receipt.txt", firstReceipt);
        Run ok = verify(campaignUrl, "--key", key, "--receipt", receipt.toString(), "--previous", earlier.toString());
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output())
                .contains("checkpoint: signature valid; 3 entries")
                .contains("the Merkle root recomputed matches")
                .contains("previous checkpoint: 1 entries, the current log extends it")
                .contains("receipt: entry 0 (SE) is in the log and counted")
                .contains("verified count: 3 (3 added, 0 withdrawn)");

        // without --key it reads the page's and says so
        Run trusting = verify(campaignUrl);
        assertThat(trusting.exit()).as(trusting.output()).isZero();
        assertThat(trusting.output()).contains("warning: the key was read from").contains("verified count: 3");

        // a changed receipt, a key of another log, a forged checkpoint: not valid, with the reason
        Path changed = save("changed.txt", firstReceipt.replace("country SE", "country DE"));
        Run wrongEntry = verify(campaignUrl, "--key", key, "--receipt", changed.toString());
        assertThat(wrongEntry.exit()).as(wrongEntry.output()).isEqualTo(1);
        assertThat(wrongEntry.output()).contains("NOT VALID: the receipt's proof does not lead");

        String otherSlug = LogFixtures.liveCampaign(campaigns);
        String otherKey = verifierKey(get("/campaigns/" + otherSlug + "/log").body());
        Run otherLog = verify(campaignUrl, "--key", otherKey);
        assertThat(otherLog.exit()).as(otherLog.output()).isEqualTo(1);
        assertThat(otherLog.output()).contains("NOT VALID: the checkpoint carries no signature by the key");

        String forged = firstReceipt.replaceFirst("\n1\n", "\n2\n");
        Run forgedHead = verify(
                campaignUrl,
                "--key",
                key,
                "--receipt",
                save("forged.txt", forged).toString());
        assertThat(forgedHead.exit()).as(forgedHead.output()).isEqualTo(1);
        assertThat(forgedHead.output()).contains("NOT VALID: the checkpoint's signature does not match its text");

        Run garbage = verify(
                campaignUrl,
                "--key",
                key,
                "--receipt",
                save("garbage.txt", "hello\n").toString());
        assertThat(garbage.exit()).isEqualTo(1);
        assertThat(garbage.output()).contains("NOT VALID: not a KeepHope receipt");
        assertThat(verify("--key").exit()).as("usage").isEqualTo(2);
    }

    @Test
    void theVerifierFindsAChangedARemovedAndAReorderedEntry() throws Exception {
        String slug = LogFixtures.liveCampaign(campaigns);
        String campaignUrl = url("/campaigns/" + slug);
        signAndConfirm(slug, new Signer("Di", "SE"));
        signAndConfirm(slug, new Signer("Ed", "FR"));
        signAndConfirm(slug, new Signer("Fa", "IT"));
        long id = campaigns.ref(slug).orElseThrow().id();
        String key = verifierKey(get("/campaigns/" + slug + "/log").body());
        assertThat(verify(campaignUrl, "--key", key).exit()).isZero();

        byte[] first = entry(id, 0);
        byte[] second = entry(id, 1);
        // reordered: the first two entries swap places
        setEntry(id, 0, second);
        setEntry(id, 1, first);
        Run reordered = verify(campaignUrl, "--key", key);
        assertThat(reordered.exit()).as(reordered.output()).isEqualTo(1);
        assertThat(reordered.output()).contains("NOT VALID: the entries give the root");
        setEntry(id, 0, first);
        setEntry(id, 1, second);
        assertThat(verify(campaignUrl, "--key", key).exit()).isZero();

        // changed: one bit of one commitment
        byte[] changed = second.clone();
        changed[5] ^= 1;
        setEntry(id, 1, changed);
        Run altered = verify(campaignUrl, "--key", key);
        assertThat(altered.exit()).as(altered.output()).isEqualTo(1);
        assertThat(altered.output()).contains("NOT VALID: the entries give the root");
        setEntry(id, 1, second);

        // removed: the last entry is gone, so the tile the signed head needs is incomplete
        tamper("delete from log_entry where campaign_id = ? and idx = 2", id);
        Run removed = verify(campaignUrl, "--key", key);
        assertThat(removed.exit()).as(removed.output()).isEqualTo(1);
        assertThat(removed.output()).contains("NOT VALID:");
    }

    byte[] entry(long campaignId, long index) {
        return jdbc.sql("select entry from log_entry where campaign_id = ? and idx = ?")
                .params(campaignId, index)
                .query(byte[].class)
                .single();
    }

    void setEntry(long campaignId, long index, byte[] entry) {
        tamper("update log_entry set entry = ? where campaign_id = ? and idx = ?", entry, campaignId, index);
    }

    /**
     * Changes the log as a dishonest operator would. On PostgreSQL a trigger refuses every change to the log,
     * so the table's owner first lifts it, in the same transaction as the change (nobody else sees it lifted).
     */
    void tamper(String sql, Object... params) {
        transaction.executeWithoutResult(status -> {
            boolean postgres = jdbc.sql("select count(*) from information_schema.triggers"
                                    + " where lower(trigger_name) = 'log_entry_append_only'")
                            .query(Long.class)
                            .single()
                    > 0;
            if (postgres) {
                jdbc.sql("alter table log_entry disable trigger log_entry_append_only")
                        .update();
            }
            jdbc.sql(sql).params(params).update();
            if (postgres) {
                jdbc.sql("alter table log_entry enable trigger log_entry_append_only")
                        .update();
            }
        });
    }
}

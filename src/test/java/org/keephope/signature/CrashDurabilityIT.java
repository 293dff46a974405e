package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.keephope.privacy.EmailAddress;
import org.keephope.support.AppProcess;
import org.keephope.support.Signer;
import org.keephope.support.TestDatabase;

/**
 * The signing issue's crash test: the packaged application, in a process of its own, takes signatures from
 * many clients at once and is killed with SIGKILL in the middle of it. Restarted on the same database and
 * keys it must come up, and every signature it acknowledged (answered 303) must be there, its confirmation
 * mail queued with it. Requests cut off by the kill were never acknowledged and may be lost.
 *
 * <p>It does not extend {@code AbstractIntegrationTest}: the application must be an operating-system
 * process to be killed. Like every integration test it runs once on H2 and once on a fresh PostgreSQL
 * database; on H2 it is the application's default database, as shipped, in a temporary directory (an
 * in-memory one cannot outlive its process). The child's output is kept in {@code target/crash-durability/}.
 */
class CrashDurabilityIT {

    static final String PAGE = "/campaigns/keep-hope-alive";
    static final int CLIENTS = 16;
    static final int ENOUGH_TO_PROVE_ANYTHING = 20;
    // the kill comes once this many are acknowledged, after at least the shortest and at most the longest load
    static final int ACKNOWLEDGED_BEFORE_KILL = 150;
    static final Duration SHORTEST_LOAD_BEFORE_KILL = Duration.ofMillis(1500);
    static final Duration LONGEST_LOAD_BEFORE_KILL = Duration.ofSeconds(8);
    static final Duration LOAD_AFTER_KILL = Duration.ofMillis(500);
    static final Duration START_TIMEOUT = AppProcess.START_TIMEOUT;
    static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");
    static final Path JAR = TARGET.resolve("keephope.jar");
    static final Path LOGS = TARGET.resolve("crash-durability");

    static {
        try {
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @TempDir
    Path work;

    private final List<AppProcess> apps = new ArrayList<>();

    @RegisterExtension
    final TestWatcher showTheApplicationsOutputOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            apps.forEach(app -> System.err.println(app.tail(60)));
        }
    };

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterEach
    void killWhatIsStillRunning() {
        apps.forEach(AppProcess::kill);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everySignatureAcknowledgedBeforeAKillDashNineIsThereAfterTheRestart() throws Exception {
        assertThat(JAR)
                .as("the packaged application (failsafe runs after package; alone: ./mvnw package -DskipTests)")
                .isRegularFile();
        Map<String, String> database = TestDatabase.freshProperties(work.resolve("db"));
        Path keys = work.resolve("keys");

        AppProcess first = start("first", database, keys);
        String page = first.get(PAGE).body();
        Load load = new Load(first, page);
        Duration loadedFor =
                load.awaitAcknowledged(ACKNOWLEDGED_BEFORE_KILL, SHORTEST_LOAD_BEFORE_KILL, LONGEST_LOAD_BEFORE_KILL);
        int inFlight = load.inFlight.get();
        long killedAt = System.nanoTime();
        first.kill();
        assertThat(first.process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        Thread.sleep(LOAD_AFTER_KILL.toMillis());
        load.stop();

        Map<String, Long> acknowledged = new HashMap<>(load.acknowledgedAt);
        System.out.printf(
                "CrashDurabilityIT[%s]: killed after %d ms of load: %d acknowledged, %d in flight at the kill,"
                        + " %d cut off, other answers %s%n",
                TestDatabase.kind(),
                loadedFor.toMillis(),
                acknowledged.size(),
                inFlight,
                load.cutOff.get(),
                load.otherAnswers);
        assertThat(load.otherAnswers).as("answers other than 303, by status").isEmpty();
        assertThat(acknowledged.size())
                .as("signatures acknowledged before the kill: too few and the test proves nothing")
                .isGreaterThan(ENOUGH_TO_PROVE_ANYTHING);
        assertThat(inFlight).as("requests in flight when the kill came").isPositive();

        AppProcess restarted = start("restart", database, keys);
        var campaign = restarted.get(PAGE);
        assertThat(campaign.statusCode())
                .as("the campaign page after the restart")
                .isEqualTo(200);
        Map<String, String> afterwards = new Signer("After", "SE").formFrom(campaign.body());
        assertThat(restarted.post(PAGE + "/sign", afterwards).statusCode())
                .as("a signature after the restart")
                .isEqualTo(303);
        restarted.stop();

        Stored stored = Stored.read(database);
        Mac mac = macFrom(keys);
        assertThat(stored.idByEmailMac)
                .as("the signature taken after the restart")
                .containsKey(emailMac(mac, afterwards.get("email")));
        Map<String, Long> missing = new TreeMap<>();
        Set<String> withoutMail = new TreeSet<>();
        acknowledged.forEach((email, at) -> {
            String id = stored.idByEmailMac.get(emailMac(mac, email));
            if (id == null) {
                missing.put(email, TimeUnit.NANOSECONDS.toMillis(killedAt - at));
            } else if (!stored.outboxReferences.contains(SignatureWriter.reference(UUID.fromString(id)))) {
                withoutMail.add(email);
            }
        });
        System.out.printf(
                "CrashDurabilityIT[%s]: %d of %d acknowledged missing; started in %d ms, restarted in %d ms,"
                        + " stopped in %d ms%n",
                TestDatabase.kind(),
                missing.size(),
                acknowledged.size(),
                first.startedIn.toMillis(),
                restarted.startedIn.toMillis(),
                restarted.stoppedIn.toMillis());
        assertThat(missing)
                .as(
                        "%d of %d signatures acknowledged (303) before the kill are missing after the restart;"
                                + " each with the ms from its 303 to the SIGKILL (negative: the 303 was on its way)",
                        missing.size(), acknowledged.size())
                .isEmpty();
        assertThat(withoutMail)
                .as("acknowledged signatures whose confirmation mail is not in the outbox")
                .isEmpty();
    }

    private AppProcess start(String name, Map<String, String> database, Path keys) throws IOException {
        AppProcess app = new AppProcess(name, database, keys, work, JAR, LOGS, http);
        apps.add(app);
        app.awaitHealthy(START_TIMEOUT);
        return app;
    }

    /** The look-up key the application stores for an address: a keyed MAC of the canonical address. */
    private static String emailMac(Mac mac, String email) {
        byte[] input = (Signing.EMAIL_MAC + '\u0000' + EmailAddress.canonical(email)).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(mac.computeMac(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mac macFrom(Path keys) throws IOException, GeneralSecurityException {
        String json = Files.readString(keys.resolve("mac-keyset.json"));
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Mac.class);
    }

    private static String form(Map<String, String> fields) {
        return AppProcess.form(fields);
    }

    /** What the database holds once no application runs on it: signatures by email MAC, outbox references. */
    private record Stored(Map<String, String> idByEmailMac, Set<String> outboxReferences) {

        static Stored read(Map<String, String> database) throws SQLException {
            try (Connection c = DriverManager.getConnection(
                    database.get("spring.datasource.url"),
                    database.get("spring.datasource.username"),
                    database.get("spring.datasource.password"))) {
                Map<String, String> signatures = new HashMap<>();
                try (var rs = c.createStatement()
                        .executeQuery("select email_mac, id from signature where email_mac is not null")) {
                    while (rs.next()) {
                        signatures.put(HexFormat.of().formatHex(rs.getBytes(1)), rs.getString(2));
                    }
                }
                Set<String> references = new HashSet<>();
                try (var rs = c.createStatement()
                        .executeQuery("select reference from mail_outbox where reference is not null")) {
                    while (rs.next()) {
                        references.add(rs.getString(1));
                    }
                }
                return new Stored(signatures, references);
            }
        }
    }

    /** Many supporters signing at once, each with an address of their own; keeps those answered 303. */
    private final class Load {

        /** Email → System.nanoTime() when its 303 arrived. */
        final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();

        final Map<Integer, Integer> otherAnswers = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger cutOff = new AtomicInteger();
        private final AppProcess target;
        private final String page;
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        private volatile boolean running = true;

        Load(AppProcess app, String page) {
            this.target = app;
            this.page = page;
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(this::sign);
            }
        }

        /** Waits for {@code count} acknowledgements, at least {@code shortest}, at most {@code longest}. */
        Duration awaitAcknowledged(int count, Duration shortest, Duration longest) throws InterruptedException {
            long started = System.nanoTime();
            Thread.sleep(shortest.toMillis());
            while (acknowledgedAt.size() < count && System.nanoTime() - started < longest.toNanos()) {
                Thread.sleep(20);
            }
            return Duration.ofNanos(System.nanoTime() - started);
        }

        private void sign() {
            while (running) {
                Map<String, String> signature = new Signer("Crash", "SE").formFrom(page);
                HttpRequest request = HttpRequest.newBuilder(URI.create(target.url(PAGE + "/sign")))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(signature)))
                        .build();
                inFlight.incrementAndGet();
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status == 303) {
                        acknowledgedAt.put(signature.get("email"), System.nanoTime());
                    } else {
                        otherAnswers.merge(status, 1, Integer::sum);
                    }
                } catch (IOException e) {
                    cutOff.incrementAndGet(); // the kill: not acknowledged, so it may be lost
                    pause();
                } catch (InterruptedException e) {
                    return;
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        void stop() throws InterruptedException {
            running = false;
            clients.shutdown();
            if (!clients.awaitTermination(15, TimeUnit.SECONDS)) {
                clients.shutdownNow();
                assertThat(clients.awaitTermination(5, TimeUnit.SECONDS))
                        .as("load clients stopped")
                        .isTrue();
            }
        }
    }

    /** One run of the packaged application in a process of its own, on a free port, its output in a file. */
}

package org.keephope.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** KeepHope's packaged jar as a child process, for tests that must kill it or run several. */
public final class AppProcess {

    public final String name;
    public final Process process;
    public final int port;
    public final Path log;
    final long launched = System.nanoTime();
    public Duration startedIn;
    public Duration stoppedIn;

    private final HttpClient http;

    /**
     * Starts {@code target/keephope.jar} with only the given settings: none of the build's own SPRING_,
     * KEEPHOPE_ or SERVER_ variables, a key directory, no SMTP (the dev mailbox), the demo campaign.
     */
    public AppProcess(
            String name, Map<String, String> database, Path keys, Path work, Path jar, Path logs, HttpClient http)
            throws IOException {
        this(name, database, Map.of(), keys, work, jar, logs, http);
    }

    /** As above, with these environment variables set last (they win over the ones above). */
    public AppProcess(
            String name,
            Map<String, String> database,
            Map<String, String> settings,
            Path keys,
            Path work,
            Path jar,
            Path logs,
            HttpClient http)
            throws IOException {
        this.http = http;
        this.name = name;
        this.port = freePort();
        Files.createDirectories(logs);
        this.log = logs.resolve(TestDatabase.kind() + "-" + name + ".log");
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // C1 only: starts in half the time on a busy build machine; this test is about durability, not speed
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toAbsolutePath().toString())
                .directory(Files.createDirectories(work.resolve("app")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // only what this test sets: no datasource, mail server or key from the environment of the build
        env.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("KEEPHOPE_") || k.startsWith("SERVER_"));
        database.forEach((key, value) -> env.put(key.toUpperCase().replace('.', '_'), value));
        env.put("KEEPHOPE_CRYPTO_GENERATE_MISSING_KEYS", "true");
        env.put("KEEPHOPE_CRYPTO_KEY_DIRECTORY", keys.toString());
        env.put("KEEPHOPE_SIGNING_MIN_FILL_TIME", "0s");
        env.put("KEEPHOPE_SIGNING_CLIENT_LIMIT_PER_HOUR", "100000000");
        env.put("KEEPHOPE_DEMO", "true");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("LOGGING_LEVEL_ROOT", "WARN");
        env.putAll(settings);
        this.process = builder.start();
    }

    /**
     * How long a started jar may take to answer its health check. Not a speed check (start time is measured in
     * bench/, docs/PERFORMANCE.md): quiet, a jar is healthy in seconds, but on a machine busy with other builds a
     * JVM start, Flyway and Spring took over a minute, and a test must not fail on that.
     */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    public void awaitHealthy() {
        awaitHealthy(START_TIMEOUT);
    }

    public void awaitHealthy(Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            assertThat(process.isAlive())
                    .as("the %s application is running (see %s)", name, log)
                    .isTrue();
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(5))
                        .build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startedIn = Duration.ofNanos(System.nanoTime() - launched);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Signer.sleep(200);
        }
        throw new AssertionError(
                "the " + name + " application was not healthy within " + timeout + " (see " + log + ")");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, no graceful anything. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM, as an operator stops it; it must be gone within the bound. */
    public void stop() {
        long asked = System.nanoTime();
        process.destroy();
        boolean exited = awaitExit(Duration.ofSeconds(30));
        stoppedIn = Duration.ofNanos(System.nanoTime() - asked);
        if (!exited) {
            kill();
            throw new AssertionError("the " + name + " application did not stop within 30 s on SIGTERM");
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return "---- last lines of " + log + " ----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "---- no output in " + log + " (" + e + ")";
        }
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keephope.support.AppProcess;
import org.keephope.support.Signer;
import org.keephope.support.TestDatabase;

/**
 * The packaged jar with {@code KEEPHOPE_METRICS_PORT}: Prometheus metrics on that port, on loopback only, never
 * on the public port, which keeps its health check. (Without the setting there is no Prometheus endpoint:
 * {@link PublicPageCacheIT}'s application has none, see {@code theMetricsAreNotOnThePublicPort}.)
 */
class MetricsPortIT {

    static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "keephope.jar");
    static final Path LOGS = Path.of(System.getProperty("basedir", "."), "target", "metrics-port");

    @TempDir
    Path work;

    private AppProcess app;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @AfterEach
    void stop() {
        if (app != null) {
            app.kill();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static double value(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(scrape);
        assertThat(m.find()).as(name + " in\n" + scrape).isTrue();
        return Double.parseDouble(m.group(2));
    }

    @Test
    void prometheusMetricsOnTheManagementPortOnlyWithMailAndSigningFigures() throws Exception {
        assertThat(JAR)
                .as("the packaged application (failsafe runs after package)")
                .isRegularFile();
        int metricsPort = freePort();
        Map<String, String> settings = new HashMap<>(TestDatabase.freshProperties(work.resolve("db")));
        settings.put("KEEPHOPE_METRICS_PORT", Integer.toString(metricsPort));
        app = new AppProcess("metrics", settings, work.resolve("keys"), work, JAR, LOGS, http);
        app.awaitHealthy(); // the public port still answers /actuator/health

        assertThat(app.get("/actuator/prometheus").statusCode())
                .as("no metrics on the public port")
                .isEqualTo(404);
        String metrics = "http://127.0.0.1:" + metricsPort + "/actuator/prometheus";
        var before = get(metrics);
        assertThat(before.statusCode()).as(app.tail(40)).isEqualTo(200);
        assertThat(before.body())
                .contains("keephope_mail_backlog")
                .contains("keephope_mail_oldest_pending_age_seconds")
                .contains("keephope_mail_sent_total")
                .contains("keephope_signature_writer_queue");
        double accepted = value(before.body(), "keephope_signatures_accepted_total");
        double sent = value(before.body(), "keephope_mail_sent_total");

        // one signature on the demo campaign: accepted, and its confirmation mail goes (to the dev mailbox)
        String page = "/campaigns/keep-hope-alive";
        var signer = new Signer("Ann", "SE");
        assertThat(app.post(page + "/sign", signer.formFrom(app.get(page).body()))
                        .statusCode())
                .isEqualTo(303);
        Instant end = Instant.now().plusSeconds(30);
        String after = get(metrics).body();
        while (value(after, "keephope_mail_sent_total") < sent + 1
                && Instant.now().isBefore(end)) {
            Thread.sleep(200);
            after = get(metrics).body();
        }
        assertThat(value(after, "keephope_signatures_accepted_total")).isEqualTo(accepted + 1);
        assertThat(value(after, "keephope_mail_sent_total")).isGreaterThanOrEqualTo(sent + 1);
        assertThat(value(after, "keephope_pages_cacheable_total"))
                .as("the campaign page was cacheable")
                .isPositive();

        // on loopback only: another address of this machine does not answer on the metrics port
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address)
                .findFirst();
        if (outside.isPresent()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside.get(), metricsPort), 2000);
                throw new AssertionError("the metrics port answers on " + outside.get());
            } catch (IOException expected) {
                // refused: bound to 127.0.0.1
            }
        }
    }
}

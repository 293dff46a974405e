package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.keephope.support.AppProcess;
import org.keephope.support.Signer;
import org.keephope.support.TestDatabase;

/**
 * The sign form's limits behind a reverse proxy and as a Tor onion service, in an application of its own (the
 * shared test context trusts no proxy and shares no address). It trusts 127.0.0.1 as its proxy and treats
 * 127.0.0.3 and 127.0.0.4 as addresses many people share; the test sends from several loopback addresses.
 * A client may sign 3 times an hour, an email address twice, a shared address 6 times for all its visitors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyAndTorLimitsIT {

    static final String PAGE = "/campaigns/keep-hope-alive";
    static final String PROXY = "127.0.0.1";
    static final String NOT_A_PROXY = "127.0.0.2";
    static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

    @TempDir
    static Path work;

    AppProcess app;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @RegisterExtension
    final TestWatcher showTheApplicationsOutputOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println(app.tail(60));
        }
    };

    @BeforeAll
    void start() throws IOException {
        app = new AppProcess(
                "proxy-and-tor",
                TestDatabase.freshProperties(work.resolve("db")),
                Map.of(
                        "KEEPHOPE_TRUSTED_PROXIES", PROXY,
                        "KEEPHOPE_SHARED_CLIENT_ADDRESSES", "127.0.0.3, 127.0.0.4",
                        "KEEPHOPE_SIGNING_CLIENT_LIMIT_PER_HOUR", "3",
                        "KEEPHOPE_SIGNING_ADDRESS_LIMIT_PER_HOUR", "2",
                        "KEEPHOPE_LIMITS_SHARED_SIGN_REQUESTS_PER_HOUR", "6"),
                work.resolve("keys"),
                work,
                TARGET.resolve("keephope.jar"),
                TARGET.resolve("proxy-and-tor"),
                http);
        app.awaitHealthy();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void clientsForwardedByATrustedProxyHaveLimitsOfTheirOwn() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(signFrom(PROXY, "203.0.113.10", new Signer("Ann", "SE"))).isEqualTo(303);
        }
        assertThat(signFrom(PROXY, "203.0.113.10", new Signer("Ann", "SE"))).isEqualTo(429);
        assertThat(signFrom(PROXY, "203.0.113.11", new Signer("Bob", "SE")))
                .as("another client behind the same proxy")
                .isEqualTo(303);
        assertThat(signFrom(PROXY, "198.51.100.99, 203.0.113.10", new Signer("Ann", "SE")))
                .as("what the client wrote itself, left of what the proxy saw, changes nothing")
                .isEqualTo(429);
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(signFrom(NOT_A_PROXY, "198.51.100." + i, new Signer("Eve", "SE")))
                    .isEqualTo(303);
        }
        assertThat(signFrom(NOT_A_PROXY, "198.51.100.4", new Signer("Eve", "SE")))
                .as("every request counted against the peer itself, whatever its header says")
                .isEqualTo(429);
    }

    @Test
    void ipv6ClientsBehindTheProxyCountByTheirSlash64() throws Exception {
        assertThat(signFrom(PROXY, "2001:db8:1:2::1", new Signer("Ivo", "SE"))).isEqualTo(303);
        assertThat(signFrom(PROXY, "2001:db8:1:2::2", new Signer("Ivo", "SE"))).isEqualTo(303);
        assertThat(signFrom(PROXY, "2001:db8:1:2:ffff:ffff:ffff:ffff", new Signer("Ivo", "SE")))
                .isEqualTo(303);
        assertThat(signFrom(PROXY, "2001:db8:1:2::abcd", new Signer("Ivo", "SE")))
                .as("a fourth address of the same /64")
                .isEqualTo(429);
        assertThat(signFrom(PROXY, "2001:db8:1:3::1", new Signer("Ivo", "SE")))
                .as("the next /64")
                .isEqualTo(303);
    }

    @Test
    void aSharedAddressHasOneHigherLimitForAllItsVisitors() throws Exception {
        for (int i = 0; i < 6; i++) {
            // Tor straight to KeepHope, or through the proxy's server block that stamps onion visitors
            int status = i % 2 == 0
                    ? signFrom("127.0.0.3", null, new Signer("Tor", "SE"))
                    : signFrom(PROXY, "127.0.0.3", new Signer("Tor", "SE"));
            assertThat(status).as("visitor %d of the onion service", i + 1).isEqualTo(303);
        }
        assertThat(signFrom("127.0.0.3", null, new Signer("Tor", "SE")))
                .as("over the shared address's limit")
                .isEqualTo(429);
    }

    @Test
    void fromASharedAddressTheLimitPerEmailAddressStillHolds() throws Exception {
        Signer same = new Signer("Ulla", "SE");
        assertThat(signFrom("127.0.0.4", null, same)).isEqualTo(303);
        assertThat(signFrom("127.0.0.4", null, same)).isEqualTo(303);
        assertThat(signFrom("127.0.0.4", null, same)).isEqualTo(429);
        assertThat(signFrom("127.0.0.4", null, new Signer("Vera", "SE")))
                .as("the shared address itself is not over its limit")
                .isEqualTo(303);
    }

    /**
     * Posts the sign form from {@code localAddress} (a socket bound to it: the JDK's HTTP client cannot choose
     * its own address), with an {@code X-Forwarded-For} header unless null; returns the status.
     */
    int signFrom(String localAddress, String forwardedFor, Signer signer) throws Exception {
        byte[] body = AppProcess.form(signer.formFrom(app.get(PAGE).body())).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", app.port), 5_000);
            socket.setSoTimeout(20_000);
            String head = "POST " + PAGE + "/sign HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + app.port + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            assertThat(status).as("status line").startsWith("HTTP/1.1 ");
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}

package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.account.SignedInStaff;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.RawHttp;
import org.keephope.support.Signer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ApplicationContext;

/** Issue 8, items 12 and 13: the smaller holes of the web surface, each shown over real HTTP. */
class WebSurfaceIT extends AbstractIntegrationTest {

    static final String CAMPAIGN = "/campaigns/keep-hope-alive";

    @Autowired
    ApplicationContext context;

    @Autowired
    ServletContext servletContext;

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    /** Our layout (skip link, error section) and our security headers. */
    static void isOurErrorPage(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains("<a class=\"skip\" href=\"#main\">").contains("<section class=\"error\">");
        assertThat(answer.header("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.header("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void aMultipartTypeWithoutBoundaryIsHarmlessOnEveryKindOfRoute() throws Exception {
        var home = send(HttpRequest.newBuilder(URI.create(url("/")))
                .header("Content-Type", "multipart/form-data")
                .GET()
                .build());
        assertThat(home.statusCode()).isEqualTo(200);

        var sign = send(HttpRequest.newBuilder(URI.create(url(CAMPAIGN + "/sign")))
                .header("Content-Type", "multipart/form-data; boundary=")
                .POST(HttpRequest.BodyPublishers.ofString("garbage"))
                .build());
        assertThat(sign.statusCode()).isBetween(400, 499);

        var staff = SignedInStaff.admin(context, port);
        var upload =
                send(HttpRequest.newBuilder(URI.create(url("/admin/organisations/999999/logo?_csrf=" + staff.csrf())))
                        .header("Cookie", staff.cookie())
                        .header("Content-Type", "multipart/form-data")
                        .POST(HttpRequest.BodyPublishers.ofString("garbage"))
                        .build());
        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(upload.body()).contains("<section class=\"error\">");
        assertThat(logs.list).noneMatch(e -> e.getThrowableProxy() != null || e.getLevel() == Level.ERROR);
    }

    @Test
    void aMultipartPostWithoutAValidCsrfTokenIsRefusedBeforeItsBodyIsRead() throws Exception {
        var staff = SignedInStaff.admin(context, port);
        Path temp = ((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
        Set<Path> before = files(temp);
        String boundary = "----fuzz" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        int declared = 3 * 1024 * 1024;
        for (String token : List.of("", "?_csrf=not-the-token")) {
            try (RawHttp raw = new RawHttp(port, Duration.ofSeconds(3))) {
                raw.write(("POST /admin/organisations/999999/logo" + token + " HTTP/1.1\r\nHost: localhost\r\n"
                                + "Cookie: " + staff.cookie() + "\r\nContent-Type: multipart/form-data; boundary="
                                + boundary + "\r\nContent-Length: " + declared + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                raw.write(head);
                // more than the in-memory threshold (1 MB) of one part, then the client pauses: a server that
                // parses the body now waits for the rest and has begun a temporary file
                raw.write(new byte[3 * 512 * 1024]);
                var answer = raw.read();
                assertThat(answer.status())
                        .as("refused while the body is still coming")
                        .isEqualTo(403);
                assertThat(files(temp)).as("no part written to disk").isEqualTo(before);
            }
        }
    }

    private static Set<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    @Test
    void invalidUtf8InAFormFieldIsA400AndOneShortLogLine() throws Exception {
        var answer = RawHttp.exchange(
                port,
                "POST " + CAMPAIGN + "/sign HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 26\r\n\r\n"
                        + "firstName=%ff%fe&email=a%4");
        isOurErrorPage(answer, 400);
        assertThat(logs.list).noneMatch(e -> e.getThrowableProxy() != null || e.getLevel() == Level.ERROR);
        assertThat(logs.list.stream()
                        .mapToInt(e -> e.getFormattedMessage().length())
                        .sum())
                .isLessThan(200);
    }

    @Test
    void aNulCharacterInAFormFieldIsA400BeforeAnyHandlerStaffFormsToo() throws Exception {
        // found by FuzzIT on PostgreSQL: a NUL reached an INSERT on a staff form and PostgreSQL answered 500
        var staff = SignedInStaff.admin(context, port);
        for (String field : List.of("name=a%00b", "na%00me=x")) {
            var answer = send(HttpRequest.newBuilder(URI.create(url("/admin/organisations")))
                    .header("Cookie", staff.cookie())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + staff.csrf() + "&" + field))
                    .build());
            assertThat(answer.statusCode()).as(field).isEqualTo(400);
            assertThat(answer.body()).contains("<section class=\"error\">");
        }
        var sign = RawHttp.exchange(
                port,
                "POST " + CAMPAIGN + "/sign?x=%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 11\r\n\r\n"
                        + "firstName=a");
        isOurErrorPage(sign, 400);
        // found by FuzzIT: a GET that claims a multipart body skipped the check and PostgreSQL answered 500
        var multipart = RawHttp.exchange(
                port,
                "GET /feeds/news.atom?region=%00x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Content-Type: multipart/form-data\r\n\r\n");
        isOurErrorPage(multipart, 400);
        assertThat(logs.list).noneMatch(e -> e.getThrowableProxy() != null || e.getLevel() == Level.ERROR);
    }

    @Test
    void anApiRouteRefusedBeforeItsHandlerStillAnswersAProblemNotAPage() throws Exception {
        for (String path : List.of("/api/campaigns/keep-hope-alive?x=%00", "/api/no-such-route")) {
            var answer =
                    send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
            assertThat(answer.statusCode()).as(path).isIn(400, 404);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                    .as(path)
                    .startsWith("application/problem+json");
            assertThat(answer.body())
                    .contains("\"status\":" + answer.statusCode())
                    .doesNotContain("<html");
        }
        var page = send(HttpRequest.newBuilder(URI.create(url(CAMPAIGN + "?x=%00")))
                .GET()
                .build());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<section class=\"error\">");
    }

    @Test
    void requestsTomcatRefusesItselfGetOurPageAndHeadersInTheReadersLanguage() throws Exception {
        for (String request : List.of(
                "GET /a b c HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /campaigns/%ff%fe HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nBad\u0001Header: x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n",
                "G\u0001T / HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /a;b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET //x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")) {
            isOurErrorPage(RawHttp.exchange(port, request), 400);
        }
        var russian = RawHttp.exchange(port, "GET /%zz HTTP/1.1\r\nHost: localhost\r\nCookie: lang=ru\r\n\r\n");
        assertThat(russian.body()).contains("lang=\"ru\"").contains("Не удалось понять запрос");
        assertThat(logs.list).noneMatch(e -> e.getThrowableProxy() != null);
    }

    @Test
    void theAdminRedirectNeverNamesTheClientsHost() throws Exception {
        var answer = RawHttp.exchange(port, "GET /admin HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).contains("/login");
    }

    @Test
    void onlyAGetWithLangSetsTheLanguageCookie() {
        assertThat(get("/?lang=ru").headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("lang=ru"));
        Signer signer = new Signer("Anna", "DE");
        var answer =
                post(CAMPAIGN + "/sign?lang=ru", signer.formFrom(get(CAMPAIGN).body()));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void noAnswerToOptionsOffersTrace() throws Exception {
        for (String path : List.of("/", CAMPAIGN + "/sign", "/api/campaigns/keep-hope-alive", "/login", "/error")) {
            for (boolean preflight : List.of(false, true)) {
                var answer = RawHttp.exchange(
                        port,
                        "OPTIONS " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                + (preflight
                                        ? "Origin: https://elsewhere.example\r\nAccess-Control-Request-Method: POST\r\n"
                                        : "")
                                + "\r\n");
                assertThat(answer.all("Allow"))
                        .as(path)
                        .noneMatch(allow -> allow.toUpperCase().contains("TRACE"));
            }
        }
    }

    @Test
    void aChunkedBodyOverThePublicLimitIsRefused() throws Exception {
        Signer signer = new Signer("Chunk", "DE");
        var form = signer.formFrom(get(CAMPAIGN).body());
        form.put("comment", "x".repeat(70 * 1024));
        var answer = send(HttpRequest.newBuilder(URI.create(url(CAMPAIGN + "/sign")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                // an input stream of unknown length goes chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(AbstractIntegrationTest.formBody(form))))
                .build());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();

        Signer small = new Signer("Chunk", "DE");
        var accepted = send(HttpRequest.newBuilder(URI.create(url(CAMPAIGN + "/sign")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(AbstractIntegrationTest.formBody(
                                small.formFrom(get(CAMPAIGN).body())))))
                .build());
        assertThat(accepted.statusCode()).as("a small chunked form still signs").isEqualTo(303);
        small.awaitMail();
    }

    @Test
    void aChunkedStaffFormOverTomcatsLimitIs413WithoutAStackTrace() throws Exception {
        var staff = SignedInStaff.admin(context, port);
        byte[] body =
                ("_csrf=" + staff.csrf() + "&name=" + "x".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        var answer = send(HttpRequest.newBuilder(URI.create(url("/admin/organisations")))
                .header("Cookie", staff.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("<section class=\"error\">");
        assertThat(logs.list).noneMatch(e -> e.getThrowableProxy() != null || e.getLevel() == Level.ERROR);
    }

    @Test
    void bothWritersReportOnHealthWhichShowsNoDetailsToThePublic() {
        var registry = context.getBean(HealthContributorRegistry.class);
        assertThat(registry.getContributor("signatureWriter")).isNotNull();
        assertThat(registry.getContributor("outboxWorker")).isNotNull();
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"UP\"")
                .doesNotContain("components")
                .doesNotContain("signatureWriter");
    }
}

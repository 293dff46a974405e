package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keephope.support.AppProcess;
import org.keephope.support.RawHttp;
import org.keephope.support.TestDatabase;

/**
 * KeepHope behind a reverse proxy that ends TLS: the requests that reach it are plain HTTP, yet readers use
 * HTTPS. With an https base URL every answer carries HSTS — pages, errors, and errors Tomcat answers before
 * the application — and the language cookie is {@code Secure} and {@code __Host-}. A second application, since the shared one
 * runs with an http base URL.
 */
class HttpsBaseUrlIT {

    static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "keephope.jar");
    static final Path LOGS = Path.of(System.getProperty("basedir", "."), "target", "https-base-url");

    @TempDir
    Path work;

    private AppProcess app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void behindATlsProxyEveryAnswerCarriesHstsAndTheLanguageCookieIsSecure() throws Exception {
        assertThat(JAR)
                .as("the packaged application (failsafe runs after package)")
                .isRegularFile();
        Map<String, String> settings = new HashMap<>(TestDatabase.freshProperties(work.resolve("db")));
        settings.put("keephope.base-url", "https://campaigns.example.org");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        app = new AppProcess("https", settings, work.resolve("keys"), work, JAR, LOGS, http);
        app.awaitHealthy();

        String hsts = "max-age=31536000; includeSubDomains";
        for (String request : List.of(
                "GET / HTTP/1.1\r\nHost: campaigns.example.org\r\nConnection: close\r\n\r\n",
                "GET /no-such-page HTTP/1.1\r\nHost: campaigns.example.org\r\nConnection: close\r\n\r\n",
                "GET /%zz HTTP/1.1\r\nHost: campaigns.example.org\r\n\r\n",
                "GET /a b HTTP/1.1\r\nHost: campaigns.example.org\r\n\r\n")) {
            var answer = RawHttp.exchange(app.port, request);
            assertThat(answer.header("Strict-Transport-Security"))
                    .as(request.lines().findFirst().orElseThrow())
                    .contains(hsts);
        }

        var russian = RawHttp.exchange(
                app.port, "GET /?lang=ru HTTP/1.1\r\nHost: campaigns.example.org\r\nConnection: close\r\n\r\n");
        assertThat(russian.all("Set-Cookie"))
                .anySatisfy(cookie ->
                        assertThat(cookie).startsWith("__Host-lang=ru").contains("Secure"));
    }
}

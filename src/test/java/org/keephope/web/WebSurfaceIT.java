package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.RawHttp;
import org.keephope.support.Signer;

/** Issue 8, items 12 and 13: the smaller holes of the web surface, each shown over real HTTP. */
class WebSurfaceIT extends AbstractIntegrationTest {

    static final String CAMPAIGN = "/campaigns/keep-hope-alive";

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
}

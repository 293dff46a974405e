package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;

/** Cache headers per route: public pages a cache can hold, everything personal or staff {@code no-store}. */
class PublicPageCacheIT extends AbstractIntegrationTest {

    @Autowired
    Campaigns campaigns;

    String liveCampaign() {
        return liveCampaign(campaigns, "cache-");
    }

    /** A new live campaign's page, {@code /campaigns/<prefix><random>}. */
    static String liveCampaign(Campaigns campaigns, String prefix) {
        String slug = prefix + UUID.randomUUID().toString().substring(0, 8);
        campaigns.create(new NewCampaign(
                slug,
                CampaignStatus.LIVE,
                "en",
                "Cache " + slug,
                "A campaign for one cache test",
                "Body",
                null,
                null,
                new Event("Summit", "Here", LocalDate.of(2030, 1, 1), null),
                Instant.now().plusSeconds(86_400 * 30),
                100,
                null));
        return "/campaigns/" + slug;
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    static void assertCacheable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=2");
        assertThat(header(response, "Vary")).contains("Accept-Language").contains("Cookie");
        assertThat(header(response, "ETag")).startsWith("W/\"");
        assertThat(header(response, "Last-Modified")).isNotNull();
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(header(response, "Pragma")).isNull();
    }

    static void assertNoStore(HttpResponse<String> response) {
        assertThat(header(response, "Cache-Control")).contains("no-store");
        assertThat(header(response, "ETag")).isNull();
    }

    @Test
    void anonymousPublicPagesAreCacheableWithoutACookie() {
        String page = liveCampaign();
        for (String path : new String[] {
            "/", page, page + "/signers", page + "/stats", "/news", "/privacy", "/feeds/news.atom", "/sitemap.xml"
        }) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertCacheable(response);
        }
    }

    @Test
    void aCopyIsRevalidatedWithA304AlthoughTheFormStampMovedOn() throws Exception {
        String page = liveCampaign();
        var first = get(page);
        assertCacheable(first);
        String etag = header(first, "ETag");
        Thread.sleep(1100); // the form's stamp is per second: the bytes differ, the page does not
        var again = get(page, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "ETag")).isEqualTo(etag);
        assertThat(header(again, "Cache-Control")).isEqualTo("public, max-age=2");
        var byDate = get(page, "If-Modified-Since", header(first, "Last-Modified"));
        assertThat(byDate.statusCode()).isEqualTo(304);
        var other = get(page, "If-None-Match", "W/\"0123\"");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).contains("name=\"stamp\"");
    }

    @Test
    void theLanguageMakesAnotherCopyAndChoosingItIsNotCached() {
        String page = liveCampaign();
        var english = get(page);
        var russian = get(page, "Accept-Language", "ru");
        assertCacheable(russian);
        assertThat(header(russian, "ETag")).isNotEqualTo(header(english, "ETag"));
        var byCookie = get(page, "Cookie", "lang=ru");
        assertCacheable(byCookie);
        assertThat(header(byCookie, "ETag")).isEqualTo(header(russian, "ETag"));

        var choosing = get(page + "?lang=ru");
        assertThat(choosing.headers().allValues("Set-Cookie")).isNotEmpty();
        assertNoStore(choosing);
        var chosen = get(page + "?lang=ru", "Cookie", "lang=ru");
        assertCacheable(chosen);
    }

    @Test
    void aRequestWithAnyOtherCookieOrCredentialsIsNeverCached() {
        String page = liveCampaign();
        assertNoStore(get(page, "Cookie", "KEEPHOPE_SESSION=abc"));
        assertNoStore(get(page, "Cookie", "lang=en; KEEPHOPE_DEVICE=abc"));
        assertNoStore(get(page, "Authorization", "Bearer x"));
        assertNoStore(get("/", "Cookie", "XSRF-TOKEN=abc"));
    }

    @Test
    void parametersNotInTheQueryStringMakeAnAnswerUncacheable() {
        String page = liveCampaign();
        var withBody = send(HttpRequest.newBuilder(URI.create(url(page)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method("GET", HttpRequest.BodyPublishers.ofString("lang=ru"))
                .build());
        assertThat(withBody.statusCode()).isLessThan(500);
        assertNoStore(withBody);
        assertCacheable(get("/news?page=1"));
    }

    @Test
    void personalStaffAndErrorAnswersAreNoStore() {
        String page = liveCampaign();
        assertNoStore(get("/confirm/" + UUID.randomUUID()));
        assertNoStore(get("/erase/" + UUID.randomUUID()));
        assertNoStore(get("/login"));
        assertNoStore(get("/admin"));
        assertNoStore(get("/campaigns/no-such-campaign"));
        assertNoStore(get(page + "/check-email"));
        // a form error re-renders the page: a 422 that nobody may cache
        var signer = new Signer("Ann", "SE").with("email", "not an address");
        var refused = post(page + "/sign", signer.formFrom(get(page).body()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertNoStore(refused);
        // HEAD is left alone: the container drops its body before the ETag could be taken
        var head = send(HttpRequest.newBuilder(URI.create(url(page)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertNoStore(head);
    }

    @Test
    void theCountApiKeepsItsOwnAgeAndGetsAnETag() {
        String page = liveCampaign();
        String api = "/api/campaigns/" + page.substring("/campaigns/".length());
        var first = get(api);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "Cache-Control")).isEqualTo("max-age=2, public");
        String etag = header(first, "ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(get(api, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void aConfirmationChangesTheCachedPageAtOnce() {
        String page = liveCampaign();
        String api = "/api/campaigns/" + page.substring("/campaigns/".length());
        var before = get(page);
        var apiBefore = get(api);
        assertThat(apiBefore.body()).contains("\"signatures\":0");

        var signer = new Signer("Ann", "SE");
        assertThat(post(page + "/sign", signer.formFrom(before.body())).statusCode())
                .isEqualTo(303);
        String confirm = Signer.link(signer.awaitMail(), "/confirm/");
        assertThat(post(confirm, Map.of()).statusCode()).isEqualTo(303);

        // the count on the node is fresh: the old copy is no longer the page, so it is not a 304
        var after = get(page, "If-None-Match", header(before, "ETag"));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(header(after, "ETag")).isNotEqualTo(header(before, "ETag"));
        var apiAfter = get(api, "If-None-Match", header(apiBefore, "ETag"));
        assertThat(apiAfter.statusCode()).isEqualTo(200);
        assertThat(apiAfter.body()).contains("\"signatures\":1");
    }

    @Test
    void publicPagesAreGzippedForReadersWhoTakeItAndPagesWithSecretsNever() throws Exception {
        String page = liveCampaign();
        String api = "/api/campaigns/" + page.substring("/campaigns/".length());
        for (String path : new String[] {page, "/news", "/feeds/news.atom", api}) {
            var plain = get(path);
            var gzipped = http.send(
                    HttpRequest.newBuilder(URI.create(url(path)))
                            .header("Accept-Encoding", "br, gzip;q=0.8")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
            if (plain.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < Gzip.MIN_SIZE) {
                // a new campaign's count is a few hundred bytes: not worth compressing
                assertThat(header(gzipped, "Content-Encoding")).as(path).isNull();
                assertThat(path).isEqualTo(api);
                continue;
            }
            assertThat(header(gzipped, "Content-Encoding")).as(path).isEqualTo("gzip");
            assertThat(String.join(",", gzipped.headers().allValues("Vary")))
                    .as(path)
                    .contains("Accept-Encoding");
            assertThat(String.join(",", plain.headers().allValues("Vary")))
                    .as(path)
                    .contains("Accept-Encoding");
            assertThat(header(plain, "Content-Encoding")).as(path).isNull();
            byte[] body;
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
                body = in.readAllBytes();
            }
            assertThat(gzipped.body().length).as(path).isLessThan(body.length);
            assertThat(header(gzipped, "ETag")).as(path).isEqualTo(header(plain, "ETag"));
            if (!path.equals(page)) { // the campaign page's form stamp may move on between the two reads
                assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                        .as(path)
                        .isEqualTo(plain.body());
            }
        }
        // refused: identity
        assertThat(header(get(page, "Accept-Encoding", "gzip;q=0, identity"), "Content-Encoding"))
                .isNull();
        // the sign-in page holds a CSRF token: never compressed (BREACH), nor a supporter's link
        for (String path : new String[] {"/login", "/confirm/" + UUID.randomUUID()}) {
            var answer = get(path, "Accept-Encoding", "gzip");
            assertThat(header(answer, "Content-Encoding")).as(path).isNull();
        }
    }

    @Test
    void theMetricsAreNotOnThePublicPort() {
        // no KEEPHOPE_METRICS_PORT here: no Prometheus endpoint at all (MetricsPortIT sets one)
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }
}

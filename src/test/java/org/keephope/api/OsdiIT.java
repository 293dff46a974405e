package org.keephope.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.apikey.ApiKeys;
import org.keephope.apikey.ApiScope;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 12 item 4: OSDI 1.2, walked link by link from the entry point, fields as in osdi-docs. */
class OsdiIT extends AbstractIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ROOT = "/api/osdi/v1";

    @Autowired
    ApiKeys keys;

    @Autowired
    Campaigns campaigns;

    String campaign() {
        String slug = "osdi-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        campaigns.create(new NewCampaign(
                slug,
                CampaignStatus.LIVE,
                "en",
                "OSDI " + slug,
                "A campaign for one OSDI test",
                "Body",
                null,
                null,
                new Event("Summit", "Here", today.plusDays(3), today.plusDays(4)),
                today.plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC),
                100,
                null));
        return slug;
    }

    String key(ApiScope... scopes) {
        return keys.create("osdi test " + UUID.randomUUID(), Set.of(scopes), null, null, "test")
                .token();
    }

    HttpResponse<String> osdiPost(String path, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("OSDI-API-Token", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static String helperBody(Signer signer, String status) {
        return "{\"person\":{\"given_name\":\"" + signer.form.get("firstName") + "\",\"family_name\":\"Tester\","
                + "\"email_addresses\":[{\"address\":\"" + signer.email + "\",\"primary\":true,\"status\":\"" + status
                + "\"}],\"postal_addresses\":[{\"country\":\"" + signer.form.get("country") + "\"}],"
                + "\"phone_numbers\":[{\"number\":\"+10000000000\"}]},"
                + "\"add_tags\":[\"volunteer\"],\"triggers\":{\"autoresponse\":{\"enabled\":true}},"
                + "\"comments\":\"Free them\"}";
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    String local(String href) {
        assertThat(href).startsWith(BASE_URL);
        return href.substring(BASE_URL.length());
    }

    @Test
    void aPartnerToolWalksEveryLinkFromTheEntryPointAndPushesASignatureThroughTheHelper() {
        String slug = campaign();
        String token = key(ApiScope.READ_CAMPAIGNS, ApiScope.READ_SIGNATURES, ApiScope.WRITE_SIGNATURES);
        Signer signer = new Signer("Olga", "SE");

        var entry = get(ROOT, "OSDI-API-Token", token);
        assertThat(entry.statusCode()).isEqualTo(200);
        assertThat(entry.headers().firstValue("Content-Type")).hasValue("application/hal+json");
        JsonNode aep = json(entry);
        assertThat(aep.get("osdi_version").asString()).isEqualTo("1.2");
        assertThat(aep.get("_links").get("curies").get(0).get("name").asString())
                .isEqualTo("osdi");
        String helper = ROOT + "/petitions/" + slug + "/record_signature_helper";
        assertThat(local(aep.get("_links").get("osdi:petitions").get("href").asString()))
                .isEqualTo(ROOT + "/petitions");

        var pushed = osdiPost(helper, token, helperBody(signer, "subscribed"));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
        assertThat(json(pushed).get("status").asString()).isEqualTo("pending");
        assertThat(post(Signer.link(signer.awaitMail(), "/confirm/"), Map.of()).statusCode())
                .isEqualTo(303);

        Set<String> visited = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(ROOT));
        boolean sawSignatures = false;
        int keyed = 0;
        String walker = key(ApiScope.READ_CAMPAIGNS, ApiScope.READ_SIGNATURES);
        while (!queue.isEmpty() && visited.size() < 2000) {
            String path = queue.poll();
            if (!visited.add(path)) {
                continue;
            }
            boolean needsKey = path.contains("/signatures");
            if (needsKey && ++keyed % 100 == 0) {
                walker = key(ApiScope.READ_CAMPAIGNS, ApiScope.READ_SIGNATURES); // one key may send 120 a minute
            }
            var answer = needsKey ? get(path, "OSDI-API-Token", walker) : get(path);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            JsonNode body = json(answer);
            for (JsonNode links : body.findValues("_links")) {
                links.properties().forEach(rel -> {
                    if (rel.getKey().equals("curies") || rel.getKey().equals("osdi:record_signature_helper")) {
                        return;
                    }
                    List<JsonNode> targets = rel.getValue().isArray()
                            ? rel.getValue().valueStream().toList()
                            : List.of(rel.getValue());
                    targets.forEach(t -> queue.add(local(t.get("href").asString())));
                });
            }
            if (path.startsWith(ROOT + "/petitions/" + slug + "/signatures")) {
                sawSignatures = true;
                assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
                JsonNode signature =
                        body.get("_embedded").get("osdi:signatures").get(0);
                assertThat(signature.get("identifiers").get(0).asString()).startsWith("keephope:");
                assertThat(signature.get("action_date").asString()).isNotBlank();
                assertThat(signature.has("comments"))
                        .as("a comment is shown once approved, not before")
                        .isFalse();
                JsonNode person = signature.get("_embedded").get("osdi:person");
                assertThat(person.get("given_name").asString()).isEqualTo("Olga");
                assertThat(person.get("family_name").asString()).isEqualTo("Tester");
                JsonNode email = person.get("email_addresses").get(0);
                assertThat(email.get("address").asString()).isEqualTo(signer.email);
                assertThat(email.get("primary").asBoolean()).isTrue();
                assertThat(email.get("status").asString()).isEqualTo("subscribed");
                assertThat(person.get("postal_addresses").get(0).get("country").asString())
                        .isEqualTo("SE");
                assertThat(answer.body()).doesNotContain("+10000000000");
            }
            if (path.equals(ROOT + "/petitions/" + slug)) {
                assertThat(body.get("total_signatures").asLong()).isEqualTo(1);
                assertThat(body.get("origin_system").asString()).isEqualTo("KeepHope");
                assertThat(body.get("title").asString()).isEqualTo("OSDI " + slug);
                assertThat(body.get("browser_url").asString()).isEqualTo(BASE_URL + "/campaigns/" + slug);
                assertThat(body.get("identifiers").get(0).asString()).isEqualTo("keephope:" + slug);
            }
            if (path.startsWith(ROOT + "/petitions?")) {
                for (String field : List.of("total_pages", "per_page", "page", "total_records")) {
                    assertThat(body.has(field)).as(field).isTrue();
                }
            }
        }
        assertThat(visited).contains(ROOT + "/petitions/" + slug, ROOT + "/advocacy_campaigns/" + slug);
        assertThat(sawSignatures).as("walked to the petition's signatures").isTrue();
    }

    @Test
    void pagingFollowsNextAndPreviousAndAPagePastTheEndIsA404Problem() {
        for (int i = 0; i < 3; i++) {
            campaign();
        }
        JsonNode first = json(get(ROOT + "/petitions?per_page=1"));
        long total = first.get("total_records").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.get("total_pages").asLong()).isEqualTo(total);
        assertThat(first.get("_links").has("previous")).isFalse();
        JsonNode second =
                json(get(local(first.get("_links").get("next").get("href").asString())));
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(local(second.get("_links").get("previous").get("href").asString()))
                .isEqualTo(ROOT + "/petitions?page=1&per_page=1");
        assertThat(second.get("_embedded").get("osdi:petitions")).hasSize(1);

        var past = get(ROOT + "/petitions?per_page=1&page=" + (total + 1));
        assertThat(past.statusCode()).isEqualTo(404);
        assertThat(past.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        for (String query : List.of("?per_page=0", "?per_page=101", "?page=0", "?page=x")) {
            var bad = get(ROOT + "/petitions" + query);
            assertThat(bad.statusCode()).as(query).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(get(ROOT + "/petitions/no-such-petition").statusCode()).isEqualTo(404);
    }

    @Test
    void theHelperRefusesWithoutKeyOrScopeAndBadBodiesWithProblems() {
        String slug = campaign();
        String helper = ROOT + "/petitions/" + slug + "/record_signature_helper";
        String writer = key(ApiScope.WRITE_SIGNATURES);
        String reader = key(ApiScope.READ_SIGNATURES);
        Signer signer = new Signer("Per", "NO");

        var none = send(HttpRequest.newBuilder(URI.create(url(helper)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(helperBody(signer, "subscribed")))
                .build());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(osdiPost(helper, reader, helperBody(signer, "subscribed")).statusCode())
                .isEqualTo(403);
        assertThat(get(ROOT + "/petitions/" + slug + "/signatures", "OSDI-API-Token", writer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(ROOT + "/petitions/" + slug + "/signatures").statusCode())
                .isEqualTo(401);

        for (String body : List.of(
                "{broken",
                "[]",
                "{\"person\":{},\"unknown\":1}",
                "{\"person\":{\"given_name\":5}}",
                "{\"person\":{\"email_addresses\":{\"address\":\"x@example.org\"}}}",
                "{\"person\":{},\"add_tags\":[1]}",
                "{\"person\":{\"nickname\":\"x\"}}")) {
            var answer = osdiPost(helper, writer, body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        var missing = osdiPost(helper, writer, "{\"person\":{\"given_name\":\"Per\"}}");
        assertThat(missing.statusCode()).isEqualTo(422);
        JsonNode errors = json(missing).get("errors");
        assertThat(errors.has("person.family_name")).isTrue();
        assertThat(errors.has("person.email_addresses[0].address")).isTrue();
        assertThat(errors.has("person.postal_addresses[0].country")).isTrue();
        assertThat(osdiPost(ROOT + "/petitions/no-such-petition/record_signature_helper", writer, "{}")
                        .statusCode())
                .isEqualTo(404);
    }
}

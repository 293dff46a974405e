package org.keephope.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.apikey.ApiScope;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.support.Signer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 12 item 4: OSDI 1.2, walked link by link from the entry point, fields as in osdi-docs. */
class OsdiIT extends PartnerApiFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ROOT = "/api/osdi/v1";

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
                    // people are a partner's own: walked with a partner's key in the partner test
                    if (rel.getKey().equals("curies")
                            || rel.getKey().equals("osdi:record_signature_helper")
                            || rel.getKey().equals("osdi:people")) {
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

    @Test
    void aPartnersKeyReadsItsPeopleAndSignaturesAloneByEveryRouteSealedWhenItHasAKey() throws Exception {
        Partnered p = partnered();
        var privateKeysetOfB = registerPublicKey(p.b());
        Signer ann = signAndConfirm(p.slug(), "Ann", p.a(), p.a(), p.b());
        Signer bob = signAndConfirm(p.slug(), "Bob", p.b(), p.b());
        String readA = partnerKey(p.a(), ApiScope.READ_SIGNATURES, ApiScope.READ_CAMPAIGNS);
        String readB = partnerKey(p.b(), ApiScope.READ_SIGNATURES, ApiScope.WRITE_SIGNATURES);
        String petition = ROOT + "/petitions/" + p.slug();

        // A (no key registered): its one opt-in, in clear, with the attribution that is its own
        var signatures = get(petition + "/signatures", "OSDI-API-Token", readA);
        assertThat(signatures.statusCode()).as(signatures.body()).isEqualTo(200);
        assertThat(signatures.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode page = json(signatures);
        assertThat(page.get("total_records").asLong()).isEqualTo(1);
        JsonNode signature = page.get("_embedded").get("osdi:signatures").get(0);
        assertThat(signature.get("referrer_data").get("source").asString()).isEqualTo(p.a().slug());
        JsonNode person = signature.get("_embedded").get("osdi:person");
        assertThat(person.get("email_addresses").get(0).get("address").asString())
                .isEqualTo(ann.email);
        assertThat(person.get("given_name").asString()).isEqualTo("Ann");
        assertThat(person.get("postal_addresses").get(0).get("country").asString())
                .isEqualTo("SE");
        assertThat(signatures.body()).doesNotContain(bob.email);
        String annId = signature.get("identifiers").get(0).asString().substring("keephope:".length());

        var people = get(ROOT + "/people", "OSDI-API-Token", readA);
        assertThat(people.statusCode()).as(people.body()).isEqualTo(200);
        assertThat(json(people).get("total_records").asLong()).isEqualTo(1);
        assertThat(people.body()).contains(ann.email).doesNotContain(bob.email);
        // every link of A's people answers, with A's key
        for (JsonNode links : json(people).findValues("_links")) {
            links.properties().forEach(rel -> {
                List<JsonNode> targets =
                        rel.getValue().isArray() ? rel.getValue().valueStream().toList() : List.of(rel.getValue());
                targets.forEach(t -> {
                    String href = local(t.get("href").asString());
                    assertThat(get(href, "OSDI-API-Token", readA).statusCode())
                            .as(href)
                            .isEqualTo(200);
                });
            });
        }
        assertThat(get(ROOT + "/people/" + annId, "OSDI-API-Token", readA).statusCode())
                .isEqualTo(200);

        // B (key registered): both of its opt-ins, sealed only; Ann's attribution is A's, not shown to B
        var ofB = get(ROOT + "/people", "OSDI-API-Token", readB);
        assertThat(ofB.statusCode()).isEqualTo(200);
        assertThat(ofB.body()).doesNotContain(ann.email).doesNotContain(bob.email);
        List<String> opened = new ArrayList<>();
        String bobId = null;
        for (JsonNode one : json(ofB).get("_embedded").get("osdi:people")) {
            assertThat(one.has("email_addresses")).isFalse();
            assertThat(one.has("given_name")).isFalse();
            String id = one.get("identifiers").get(0).asString().substring("keephope:".length());
            String[] record = open(
                    privateKeysetOfB, one.get("custom_fields").get("sealed").asString(), id, p.b().id());
            opened.add(record[1]);
            if (record[1].equals(bob.email)) {
                bobId = id;
            }
        }
        assertThat(opened).containsExactlyInAnyOrder(ann.email, bob.email);
        var signaturesOfB = get(petition + "/signatures", "OSDI-API-Token", readB);
        assertThat(signaturesOfB.body()).doesNotContain(ann.email).doesNotContain(bob.email);
        for (JsonNode s : json(signaturesOfB).get("_embedded").get("osdi:signatures")) {
            String id = s.get("identifiers").get(0).asString().substring("keephope:".length());
            if (id.equals(annId)) {
                assertThat(s.has("referrer_data")).isFalse();
            } else {
                assertThat(s.get("referrer_data").get("source").asString()).isEqualTo(p.b().slug());
            }
        }

        // not by id either: B's supporter is not A's person, nor is anything that is not an id
        for (String id : List.of(bobId, UUID.randomUUID().toString(), "not-an-id")) {
            var refused = get(ROOT + "/people/" + id, "OSDI-API-Token", readA);
            assertThat(refused.statusCode()).as(id).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).doesNotContain(bob.email);
        }
        // a petition A is not a partner of, existing or not: 403 alike; people are not a staff key's
        String other = campaign();
        assertThat(get(ROOT + "/petitions/" + other + "/signatures", "OSDI-API-Token", readA)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(ROOT + "/petitions/no-such-petition/signatures", "OSDI-API-Token", readA)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(ROOT + "/people", "OSDI-API-Token", key(ApiScope.READ_SIGNATURES))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(ROOT + "/people").statusCode()).isEqualTo(401);

        // B pushes a signature through the helper: mailed for confirmation, attributed to B
        Signer cy = new Signer("Cy", "EE");
        var pushed = osdiPost(petition + "/record_signature_helper", readB, helperBody(cy, "subscribed"));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
        assertThat(cy.awaitMail().getSubject()).startsWith("Please confirm your signature");
        assertThat(post(Signer.link(cy.awaitMail(), "/confirm/"), Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(osdiPost(
                                ROOT + "/petitions/" + other + "/record_signature_helper",
                                readB,
                                helperBody(cy, "subscribed"))
                        .statusCode())
                .isEqualTo(403);
        var staff = json(get(petition + "/signatures", "OSDI-API-Token", key(ApiScope.READ_SIGNATURES)));
        assertThat(staff.get("total_records").asLong()).isEqualTo(3);
        boolean sawCy = false;
        for (JsonNode s : staff.get("_embedded").get("osdi:signatures")) {
            JsonNode emails = s.get("_embedded").get("osdi:person").get("email_addresses");
            if (emails != null && emails.get(0).get("address").asString().equals(cy.email)) {
                sawCy = true;
                assertThat(s.get("referrer_data").get("source").asString()).isEqualTo(p.b().slug());
            }
        }
        assertThat(sawCy).isTrue();

        var keyB = keys.recognise(readB).orElseThrow();
        assertThat(jdbc().sql("select count(*) from audit_entry where actor = ? and action = 'partner.api-read'")
                        .param(keyB.actor())
                        .query(Long.class)
                        .single())
                .as("each read of B's key is audited")
                .isEqualTo(2L);
    }

    org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
    }
}

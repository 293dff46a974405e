package org.keephope.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.apikey.ApiScope;
import org.keephope.audit.AuditEntry;
import org.keephope.audit.AuditLog;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 12 item 2: the REST API v1 over HTTP, against the whole application. */
class ApiV1IT extends PartnerApiFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AuditLog audit;

    String campaign(CampaignStatus status) {
        String slug = "api-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        campaigns.create(new NewCampaign(
                slug,
                status,
                "en",
                "API " + slug,
                "A campaign for one API test",
                "Body **bold**",
                null,
                null,
                new Event("Summit", "Here", today.plusDays(3), today.plusDays(4)),
                today.plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC),
                100,
                null));
        return slug;
    }

    String key(ApiScope... scopes) {
        return keys.create("api test " + UUID.randomUUID(), Set.of(scopes), null, null, "test")
                .token();
    }

    HttpResponse<String> call(String method, String path, String body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> sign(String slug, String token, Signer signer, boolean keepInformed) {
        String body = "{\"firstName\":\"" + signer.form.get("firstName") + "\",\"lastName\":\"Tester\",\"email\":\""
                + signer.email + "\",\"country\":\"" + signer.form.get("country") + "\",\"keepInformed\":"
                + keepInformed + ",\"showPublicly\":true,\"language\":\"en\"}";
        return call(
                "POST",
                "/api/v1/campaigns/" + slug + "/signatures",
                body,
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                "application/json");
    }

    void confirm(Signer signer) {
        MimeMessage mail = signer.awaitMail();
        assertThat(post(Signer.link(mail, "/confirm/"), Map.of()).statusCode()).isEqualTo(303);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    List<AuditEntry> auditOf(String actorPrefix) {
        return audit.newest(0, 200).stream()
                .filter(e -> e.actor().startsWith(actorPrefix))
                .toList();
    }

    @Test
    void publicReadsNeedNoKeyCarryAnEtagAnswer304AndAllowAnySitesScript() {
        String slug = campaign(CampaignStatus.LIVE);
        campaign(CampaignStatus.DRAFT);

        var list = get("/api/v1/campaigns", "Origin", "https://partner.example");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(list.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(list.headers().firstValue("Set-Cookie")).isEmpty();
        List<String> slugs = new ArrayList<>();
        json(list).get("data").forEach(c -> slugs.add(c.get("slug").asString()));
        assertThat(slugs).contains(slug);
        assertThat(list.body()).doesNotContain("\"DRAFT\"");

        String etag = list.headers().firstValue("ETag").orElseThrow();
        var again = get("/api/v1/campaigns", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        var one = get("/api/v1/campaigns/" + slug + "?lang=ru");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Set-Cookie"))
                .as("?lang= on the API sets no cookie")
                .isEmpty();
        JsonNode campaign = json(one);
        assertThat(campaign.get("signatures").asLong()).isZero();
        assertThat(campaign.get("goal").asInt()).isEqualTo(100);
        assertThat(campaign.get("open").asBoolean()).isTrue();
        assertThat(campaign.get("bodyHtml").asString()).contains("<strong>bold</strong>");
        assertThat(campaign.get("links").get("counts").asString())
                .isEqualTo(BASE_URL + "/api/v1/campaigns/" + slug + "/counts");
        assertThat(one.headers().firstValue("ETag")).isPresent();
        assertThat(one.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("public").contains("max-age=5"));

        var counts = get("/api/v1/campaigns/" + slug + "/counts");
        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(json(counts).get("signatures").asLong()).isZero();
        assertThat(json(counts).get("otherCountries").asLong()).isZero();
        var targets = get("/api/v1/campaigns/" + slug + "/targets");
        assertThat(targets.statusCode()).isEqualTo(200);
        assertThat(json(targets).get("data").isArray()).isTrue();
        var news = get("/api/v1/news");
        assertThat(news.statusCode()).isEqualTo(200);
        assertThat(json(news).get("page").asInt()).isEqualTo(1);
        assertThat(news.headers().firstValue("ETag")).isPresent();

        var preflight = call(
                "OPTIONS",
                "/api/v1/campaigns",
                null,
                "Origin",
                "https://partner.example",
                "Access-Control-Request-Method",
                "GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void unknownSlugsAndBadParametersOfPublicReadsAreProblems() {
        String draft = campaign(CampaignStatus.DRAFT);
        for (String path : List.of(
                "/api/v1/campaigns/no-such-campaign",
                "/api/v1/campaigns/" + draft,
                "/api/v1/campaigns/no-such-campaign/counts",
                "/api/v1/campaigns/no-such-campaign/targets",
                "/api/v1/news/no-such-post",
                "/api/v1/news?category=no-such-category",
                "/api/v1/campaigns/%3Cscript%3E%20x",
                "/api/v1/nothing-here")) {
            assertProblem(get(path), 404);
        }
        assertProblem(get("/api/v1/news?page=0"), 400);
        assertProblem(get("/api/v1/news?page=abc"), 400);
        assertThat(get("/api/v1/news?page=abc").body()).doesNotContain("abc");
        assertProblem(get("/api/v1/campaigns?lang=xx"), 400);
        assertProblem(call("DELETE", "/api/v1/campaigns", null), 405);
    }

    @Test
    void aSignatureSentThroughTheApiIsMailedThenListedWithOnlyWhatItsSignerAgreedTo() throws Exception {
        String slug = campaign(CampaignStatus.LIVE);
        String writer = key(ApiScope.WRITE_SIGNATURES);
        String reader = key(ApiScope.READ_SIGNATURES);
        Signer informed = new Signer("Ada", "DE");
        Signer quiet = new Signer("Bea", "FR");

        var accepted = sign(slug, writer, informed, true);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(json(accepted).get("status").asString()).isEqualTo("pending");
        assertThat(accepted.headers().firstValue("ETag")).isEmpty();
        assertThat(sign(slug, writer, quiet, false).statusCode()).isEqualTo(202);
        MimeMessage mail = informed.awaitMail();
        assertThat(mail.getSubject()).startsWith("Please confirm your signature");
        var again = sign(slug, writer, informed, true);
        assertThat(again.statusCode())
                .as("the same answer for an address that signed")
                .isEqualTo(202);
        assertThat(again.body()).isEqualTo(accepted.body());

        String signatures = "/api/v1/campaigns/" + slug + "/signatures";
        var pending = get(signatures + "?status=pending", "Authorization", "Bearer " + reader);
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(200);
        assertThat(json(pending).get("data")).hasSize(2);
        assertThat(pending.body())
                .as("nothing personal before the address's owner confirms")
                .doesNotContain(informed.email)
                .doesNotContain("Ada")
                .doesNotContain("Tester");
        assertThat(json(get(signatures, "Authorization", "Bearer " + reader)).get("data"))
                .isEmpty();

        confirm(informed);
        confirm(quiet);
        var confirmed = get(signatures, "OSDI-API-Token", reader, "Origin", "https://partner.example");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(confirmed.headers().firstValue("ETag"))
                .as("no digest of personal data")
                .isEmpty();
        assertThat(confirmed.headers().firstValue("Access-Control-Allow-Origin"))
                .as("no other site's script reads supporters")
                .isEmpty();
        JsonNode data = json(confirmed).get("data");
        assertThat(data).hasSize(2);
        JsonNode ada = data.get(0).get("country").asString().equals("DE") ? data.get(0) : data.get(1);
        JsonNode bea = ada == data.get(0) ? data.get(1) : data.get(0);
        assertThat(ada.get("email").asString()).isEqualTo(informed.email);
        assertThat(ada.get("firstName").asString()).isEqualTo("Ada");
        assertThat(ada.get("lastName").asString()).isEqualTo("Tester");
        assertThat(ada.get("status").asString()).isEqualTo("confirmed");
        assertThat(bea.get("email").isNull())
                .as("not kept informed: no address")
                .isTrue();
        assertThat(bea.get("lastName").isNull()).isTrue();
        assertThat(bea.get("publicName").asString())
                .as("shown in the public list")
                .isEqualTo("Bea");
        assertThat(json(confirmed).get("next").isNull()).isTrue();

        assertThat(json(get("/api/v1/campaigns/" + slug)).get("signatures").asLong())
                .isEqualTo(2);
        List<AuditEntry> entries = auditOf("api-key:");
        assertThat(entries)
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("signature.api-read");
                    assertThat(e.detail()).isEqualTo("confirmed, 2 signatures, 1 with name and email");
                })
                .anySatisfy(e -> assertThat(e.action() + " " + e.detail()).isEqualTo("signature.api-submit accepted"))
                .allSatisfy(e -> assertThat(e.detail()).doesNotContain(informed.email));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeatsAndTimeFiltersNarrowThem() {
        String slug = campaign(CampaignStatus.LIVE);
        String writer = key(ApiScope.WRITE_SIGNATURES);
        String reader = key(ApiScope.READ_SIGNATURES);
        Instant before = Instant.now().minusSeconds(1);
        List<Signer> signers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Signer signer = new Signer("S" + i, "DE");
            assertThat(sign(slug, writer, signer, true).statusCode()).isEqualTo(202);
            signers.add(signer);
        }
        signers.forEach(this::confirm);

        String path = "/api/v1/campaigns/" + slug + "/signatures?limit=2";
        List<String> seen = new ArrayList<>();
        int pages = 0;
        String next = path;
        while (next != null) {
            var page = get(next, "Authorization", "Bearer " + reader);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = json(page);
            body.get("data").forEach(e -> seen.add(e.get("email").asString()));
            pages++;
            next = body.get("next").isNull()
                    ? null
                    : "/api/v1/campaigns/" + slug + "/signatures?limit=2&cursor="
                            + URLEncoder.encode(body.get("next").asString(), StandardCharsets.UTF_8);
            if (!body.get("next").isNull()) {
                assertThat(body.get("links").get("next").asString()).startsWith(BASE_URL + "/api/v1/campaigns/");
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        signers.stream().map(s -> s.email).toList());

        String since = URLEncoder.encode(before.toString(), StandardCharsets.UTF_8);
        assertThat(json(get(path + "&until=" + since, "Authorization", "Bearer " + reader))
                        .get("data"))
                .isEmpty();
        assertThat(json(get(path + "&since=" + since, "Authorization", "Bearer " + reader))
                        .get("data"))
                .hasSize(2);
    }

    @Test
    void aKeyIsCheckedBeforeAnythingElseAndRefusalsAreProblems() {
        String slug = campaign(CampaignStatus.LIVE);
        String signatures = "/api/v1/campaigns/" + slug + "/signatures";
        String reader = key(ApiScope.READ_SIGNATURES);
        String writer = key(ApiScope.WRITE_SIGNATURES);
        String counter = key(ApiScope.READ_COUNTS);

        var none = get(signatures);
        assertProblem(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertProblem(call("POST", signatures, "{broken", "Content-Type", "application/json"), 401);
        assertProblem(get(signatures, "Authorization", "Bearer khk_" + "A".repeat(43)), 401);
        assertProblem(get(signatures, "Authorization", "Basic dXNlcjpwYXNz"), 401);
        assertProblem(get(signatures, "Authorization", "Bearer " + writer), 403);
        assertProblem(
                call("POST", signatures, "{}", "Authorization", "Bearer " + reader, "Content-Type", "application/json"),
                403);
        assertProblem(get("/api/v1/campaigns", "Authorization", "Bearer " + counter), 403);
        assertThat(get("/api/v1/campaigns/" + slug + "/counts", "Authorization", "Bearer " + counter)
                        .statusCode())
                .isEqualTo(200);
        assertProblem(get("/api/v1/campaigns", "Authorization", "Bearer khk_nonsense"), 401);

        String busy = key(ApiScope.READ_SIGNATURES);
        HttpResponse<String> last = null;
        for (int i = 0; i < 121; i++) {
            last = get(signatures, "Authorization", "Bearer " + busy);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }
        assertProblem(last, 429);
        assertThat(last.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 60L));
        assertThat(get(signatures, "Authorization", "Bearer " + reader).statusCode())
                .as("another key has its own budget")
                .isEqualTo(200);
    }

    @Test
    void badInputToTheSignatureRoutesIsAProblemWithTheRightStatusNeverA500() {
        String slug = campaign(CampaignStatus.LIVE);
        String closed = campaign(CampaignStatus.CLOSED);
        String signatures = "/api/v1/campaigns/" + slug + "/signatures";
        String reader = key(ApiScope.READ_SIGNATURES);
        String writer = key(ApiScope.WRITE_SIGNATURES);
        String[] read = {"Authorization", "Bearer " + reader};

        for (String query : List.of(
                "?cursor=nonsense",
                "?cursor=" + "x".repeat(300),
                "?cursor=UC4xLjIuMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw",
                "?status=erased",
                "?limit=0",
                "?limit=501",
                "?limit=ten",
                "?since=yesterday",
                "?until=2026-13-01T00:00:00Z")) {
            assertProblem(get(signatures + query, read), 400);
        }
        assertProblem(get("/api/v1/campaigns/no-such-campaign/signatures", read), 404);

        String[] write = {"Authorization", "Bearer " + writer, "Content-Type", "application/json"};
        String valid = "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"ann-" + UUID.randomUUID()
                + "@example.org\",\"country\":\"DE\"}";
        for (String body : List.of(
                "{broken",
                "",
                "[]",
                "null",
                "{\"firstName\":\"Ann\",\"extra\":1}",
                "{\"firstName\":\"Ann\",\"showPublicly\":\"maybe\"}",
                "{\"firstName\":{\"a\":1}}",
                valid + " trailing")) {
            assertProblem(call("POST", signatures, body, write), 400);
        }
        var unknownField = call("POST", signatures, "{\"firstName\":\"Ann\",\"extra\":1}", write);
        assertThat(json(unknownField).get("detail").asString()).contains("'extra'");

        var invalid = call(
                "POST",
                signatures,
                "{\"firstName\":\"\",\"lastName\":\"Lee\",\"email\":\"not-an-address\",\"country\":\"XX\","
                        + "\"language\":\"fr\"}",
                write);
        assertProblem(invalid, 422);
        JsonNode errors = json(invalid).get("errors");
        assertThat(errors.has("firstName")).isTrue();
        assertThat(errors.has("email")).isTrue();
        assertThat(errors.has("country")).isTrue();
        assertThat(errors.has("language")).isTrue();
        assertThat(invalid.body()).doesNotContain("not-an-address");

        assertProblem(call("POST", "/api/v1/campaigns/no-such-campaign/signatures", valid, write), 404);
        assertProblem(call("POST", "/api/v1/campaigns/" + closed + "/signatures", valid, write), 409);
        assertProblem(
                call("POST", signatures, valid, "Authorization", "Bearer " + writer, "Content-Type", "text/plain"),
                415);
    }

    @Test
    void countsNameOnlyCountriesWithFiveOrMore() {
        String slug = campaign(CampaignStatus.LIVE);
        String writer = key(ApiScope.WRITE_SIGNATURES);
        List<Signer> signers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            signers.add(new Signer("D" + i, "DE"));
        }
        signers.add(new Signer("F", "FR"));
        for (Signer signer : signers) {
            assertThat(sign(slug, writer, signer, false).statusCode()).isEqualTo(202);
        }
        signers.forEach(this::confirm);
        JsonNode counts = json(get("/api/v1/campaigns/" + slug + "/counts"));
        assertThat(counts.get("signatures").asLong()).isEqualTo(6);
        assertThat(counts.get("byCountry").properties()).hasSize(1);
        assertThat(counts.get("byCountry").get("DE").asLong()).isEqualTo(5);
        assertThat(counts.get("otherCountries").asLong()).isEqualTo(1);
        assertThat(counts.toString()).doesNotContain("FR");
    }

    // --- partner keys (issue 12: their own confirmed opt-ins alone; counts by partner; signing attributed) ---

    JsonNode partnerRead(String slug, String token, String query) {
        var answer = get("/api/v1/campaigns/" + slug + "/signatures" + query, "Authorization", "Bearer " + token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        return json(answer);
    }

    static List<String> emails(JsonNode page) {
        List<String> emails = new ArrayList<>();
        page.get("data").forEach(e -> emails.add(e.get("email").asString()));
        return emails;
    }

    @Test
    void aPartnersKeyReadsItsOwnConfirmedOptInsAloneAndNeverAnotherPartnersSupporters() {
        Partnered p = partnered();
        Signer ann = signAndConfirm(p.slug(), "Ann", p.a(), p.a(), p.b());
        Signer bob = signAndConfirm(p.slug(), "Bob", p.b(), p.b());
        Signer cy = signAndConfirm(p.slug(), "Cy", null);
        Signer dee = signThroughPage(p.slug(), "Dee", p.a(), false, p.a());
        String readA = partnerKey(p.a(), ApiScope.READ_SIGNATURES);
        String readB = partnerKey(p.b(), ApiScope.READ_SIGNATURES);

        JsonNode ofA = partnerRead(p.slug(), readA, "");
        assertThat(emails(ofA)).as("A: its confirmed opt-ins alone").containsExactly(ann.email);
        JsonNode a = ofA.get("data").get(0);
        assertThat(a.get("firstName").asString()).isEqualTo("Ann");
        assertThat(a.get("lastName").asString()).isEqualTo("Tester");
        assertThat(a.get("country").asString()).isEqualTo("SE");
        assertThat(a.get("language").asString()).isEqualTo("en");
        assertThat(a.get("status").asString()).isEqualTo("confirmed");
        assertThat(a.get("consentVersion").asInt()).isEqualTo(1);
        assertThat(a.get("organisationId").asLong()).isEqualTo(p.a().id());
        assertThat(a.get("consentLocale").asString()).isEqualTo("en");
        assertThat(a.get("source").asString()).isEqualTo(p.a().slug());
        assertThat(a.get("sealed").isNull()).as("no key registered: in clear").isTrue();
        assertThat(a.get("publicName").isNull())
                .as("only what the partner's consent covers")
                .isTrue();
        assertThat(ofA.toString())
                .doesNotContain(bob.email)
                .doesNotContain(cy.email)
                .doesNotContain(dee.email);

        JsonNode ofB = partnerRead(p.slug(), readB, "?limit=1");
        assertThat(ofB.get("data")).hasSize(1);
        JsonNode secondB = partnerRead(
                p.slug(),
                readB,
                "?limit=1&cursor=" + URLEncoder.encode(ofB.get("next").asString(), StandardCharsets.UTF_8));
        assertThat(secondB.get("next").isNull()).isTrue();
        List<String> seenByB = new ArrayList<>(emails(ofB));
        seenByB.addAll(emails(secondB));
        assertThat(seenByB).containsExactly(ann.email, bob.email);
        JsonNode annForB = ofB.get("data").get(0);
        assertThat(annForB.get("source").isNull())
                .as("that Ann came through A's link is A's figure, not B's")
                .isTrue();
        assertThat(secondB.get("data").get(0).get("source").asString()).isEqualTo(p.b().slug());

        String since = URLEncoder.encode(Instant.now().plusSeconds(60).toString(), StandardCharsets.UTF_8);
        assertThat(partnerRead(p.slug(), readB, "?since=" + since).get("data")).isEmpty();

        // pending signatures are not a partner's; campaigns it is not a partner of are refused alike, existing or not
        assertProblem(
                get("/api/v1/campaigns/" + p.slug() + "/signatures?status=pending", "Authorization", "Bearer " + readA),
                403);
        String other = campaign(CampaignStatus.LIVE);
        var notPartner = get("/api/v1/campaigns/" + other + "/signatures", "Authorization", "Bearer " + readA);
        var noSuch = get("/api/v1/campaigns/no-such-campaign/signatures", "Authorization", "Bearer " + readA);
        assertProblem(notPartner, 403);
        assertProblem(noSuch, 403);
        assertThat(json(noSuch).get("title").asString())
                .isEqualTo(json(notPartner).get("title").asString());

        // a staff key sees every confirmed signature, with the partner each came through
        JsonNode staff = partnerRead(p.slug(), key(ApiScope.READ_SIGNATURES), "");
        assertThat(staff.get("data"))
                .as("Ann, Bob, Cy: not Dee, who did not confirm")
                .hasSize(3);
        String annId = a.get("id").asString();
        staff.get("data").forEach(e -> {
            if (annId.equals(e.get("id").asString())) {
                assertThat(e.get("source").asString()).isEqualTo(p.a().slug());
            } else {
                assertThat(e.get("source").isNull()
                                || e.get("source").asString().equals(p.b().slug()))
                        .isTrue();
            }
        });

        var keyA = keys.recognise(readA).orElseThrow();
        assertThat(audit.newest(0, 200))
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo(keyA.actor());
                    assertThat(e.action()).isEqualTo("partner.api-read");
                    assertThat(e.objectId()).isEqualTo(String.valueOf(p.campaignId()));
                    assertThat(e.detail())
                            .isEqualTo("organisation " + p.a().id() + ", confirmed, 1 supporters, 0 sealed");
                })
                .allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain(ann.email));
    }

    @Test
    void aPartnerWithAPublicKeyGetsItsSupportersSealedToItAndNeverInClear() throws Exception {
        Partnered p = partnered();
        Signer ann = signAndConfirm(p.slug(), "Ann", null, p.b());
        var privateKeyset = registerPublicKey(p.b());
        Signer bob = signAndConfirm(p.slug(), "Bob", null, p.b());
        String readB = partnerKey(p.b(), ApiScope.READ_SIGNATURES);

        var answer = get("/api/v1/campaigns/" + p.slug() + "/signatures", "Authorization", "Bearer " + readB);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .as("the clear address appears nowhere in the answer")
                .doesNotContain(ann.email)
                .doesNotContain(bob.email);
        JsonNode data = json(answer).get("data");
        assertThat(data).hasSize(2);
        List<String> opened = new ArrayList<>();
        for (JsonNode e : data) {
            assertThat(e.get("email").isNull()).isTrue();
            assertThat(e.get("firstName").isNull()).isTrue();
            assertThat(e.get("country").isNull()).isTrue();
            String[] record =
                    open(privateKeyset, e.get("sealed").asString(), e.get("id").asString(), p.b().id());
            assertThat(record[0]).isEqualTo("v1");
            assertThat(record[3]).isEqualTo("Tester");
            opened.add(record[1]);
        }
        assertThat(opened).containsExactly(ann.email, bob.email);

        // a copy another node kept with the host's key within its cache's seconds: sealed to B on the way out
        String bobId = data.get(1).get("id").asString();
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        byte[] hostSealed = context.getBean(org.keephope.privacy.PersonalData.class)
                .encrypt(
                        String.join("\n", "v1", bob.email, "Bob", "Tester", "SE", "en")
                                .getBytes(StandardCharsets.UTF_8),
                        "partner.supporter:" + bobId + ":" + p.b().id());
        assertThat(jdbc.sql("update partner_supporter set sealed = ?, sealed_with = 'HOST'"
                                + " where signature_id = ? and organisation_id = ?")
                        .params(hostSealed, UUID.fromString(bobId), p.b().id())
                        .update())
                .isEqualTo(1);
        var again = get("/api/v1/campaigns/" + p.slug() + "/signatures", "Authorization", "Bearer " + readB);
        assertThat(again.body()).doesNotContain(bob.email).doesNotContain(ann.email);
        JsonNode bobAgain = json(again).get("data").get(1);
        assertThat(bobAgain.get("email").isNull()).isTrue();
        assertThat(open(privateKeyset, bobAgain.get("sealed").asString(), bobId, p.b().id())[1])
                .isEqualTo(bob.email);

        var keyB = keys.recognise(readB).orElseThrow();
        assertThat(audit.newest(0, 200))
                .anySatisfy(e -> assertThat(e.actor() + " " + e.detail())
                        .isEqualTo(
                                keyB.actor() + " organisation " + p.b().id() + ", confirmed, 2 supporters, 2 sealed"));
    }

    @Test
    void countsByPartnerShowAStaffKeyEveryPartnerAndAPartnersKeyItsOwnLineAlone() {
        Partnered p = partnered();
        signAndConfirm(p.slug(), "Ann", p.a(), p.a());
        String counts = "/api/v1/campaigns/" + p.slug() + "/counts";

        var anonymous = get(counts);
        assertThat(json(anonymous).has("byPartner"))
                .as("no key, no figures per partner")
                .isFalse();
        assertThat(anonymous.headers().firstValue("ETag")).isPresent();

        var staff = get(counts, "Authorization", "Bearer " + key(ApiScope.READ_COUNTS));
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(staff.headers().firstValue("ETag")).isEmpty();
        List<String> slugs = new ArrayList<>();
        json(staff).get("byPartner").forEach(l -> slugs.add(l.get("slug").asString()));
        assertThat(slugs).containsExactlyInAnyOrder(p.a().slug(), p.b().slug());

        var own = get(counts, "Authorization", "Bearer " + partnerKey(p.a(), ApiScope.READ_COUNTS));
        assertThat(own.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode lines = json(own).get("byPartner");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("slug").asString()).isEqualTo(p.a().slug());
        assertThat(lines.get(0).get("attributedConfirmed").asLong()).isEqualTo(1);
        assertThat(lines.get(0).get("optInsConfirmed").asLong()).isEqualTo(1);
        assertThat(own.body()).doesNotContain(p.b().slug());
        assertThat(json(own).get("signatures").asLong()).isEqualTo(1);

        var elsewhere = get(
                "/api/v1/campaigns/" + campaign(CampaignStatus.LIVE) + "/counts",
                "Authorization",
                "Bearer " + partnerKey(p.a(), ApiScope.READ_COUNTS));
        assertThat(json(elsewhere).get("byPartner")).isEmpty();
    }

    @Test
    void aPartnersKeySignsOnlyForItsCampaignsAttributedToItAndTheSupporterStillGetsTheConfirmationMail()
            throws Exception {
        Partnered p = partnered();
        String writeA = partnerKey(p.a(), ApiScope.WRITE_SIGNATURES, ApiScope.READ_COUNTS);
        Signer eve = new Signer("Eve", "FI");

        var accepted = sign(p.slug(), writeA, eve, true);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        MimeMessage mail = eve.awaitMail();
        assertThat(mail.getSubject()).as("the double opt-in holds").startsWith("Please confirm your signature");
        confirm(eve);

        JsonNode staff = partnerRead(p.slug(), key(ApiScope.READ_SIGNATURES), "");
        assertThat(staff.get("data")).hasSize(1);
        assertThat(staff.get("data").get(0).get("email").asString()).isEqualTo(eve.email);
        assertThat(staff.get("data").get(0).get("source").asString())
                .as("attributed to the partner whose key sent it")
                .isEqualTo(p.a().slug());
        JsonNode own = json(get("/api/v1/campaigns/" + p.slug() + "/counts", "Authorization", "Bearer " + writeA))
                .get("byPartner")
                .get(0);
        assertThat(own.get("attributedConfirmed").asLong()).isEqualTo(1);
        assertThat(own.get("optInsConfirmed").asLong())
                .as("no box of ours was ticked: the partner's own form is its own record")
                .isZero();

        Signer fay = new Signer("Fay", "FI");
        assertProblem(sign(campaign(CampaignStatus.LIVE), writeA, fay, true), 403);
        assertProblem(sign("no-such-campaign", writeA, fay, true), 403);
        assertThat(fay.mails()).isEmpty();

        var keyA = keys.recognise(writeA).orElseThrow();
        assertThat(auditOf(keyA.actor()))
                .anySatisfy(e -> assertThat(e.action() + " " + e.detail()).isEqualTo("signature.api-submit accepted"));
    }

    HttpResponse<String> importing(String slug, String token, Signer signer) {
        String body = "{\"firstName\":\"" + signer.form.get("firstName") + "\",\"lastName\":\"Tester\",\"email\":\""
                + signer.email + "\",\"country\":\"" + signer.form.get("country")
                + "\",\"keepInformed\":true,\"confirmed\":true}";
        return call(
                "POST",
                "/api/v1/campaigns/" + slug + "/signatures",
                body,
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                "application/json");
    }

    @Test
    void aKeyAnAdminAllowedImportsConfirmedSignaturesWithoutAnyMailAuditedAndNoOtherKeyMay() throws Exception {
        String slug = campaign(CampaignStatus.LIVE);
        Signer gus = new Signer("Gus", "NL");
        String writer = key(ApiScope.WRITE_SIGNATURES);
        assertProblem(importing(slug, writer, gus), 403);
        Partnered p = partnered();
        assertProblem(importing(p.slug(), partnerKey(p.a(), ApiScope.WRITE_SIGNATURES), gus), 403);

        // an admin allows it on the staff screen, and only with write:signatures
        var admin = org.keephope.account.SignedInStaff.admin(context, port);
        String expires = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        var refused = post(
                "/admin/api-keys",
                Map.of(
                        "name",
                        "import without write",
                        "scopes",
                        "read:signatures",
                        "expiresOn",
                        expires,
                        "importConfirmed",
                        "true",
                        "_csrf",
                        admin.csrf()),
                "Cookie",
                admin.cookie(),
                "Origin",
                "http://localhost:" + port);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("importConfirmed-error");
        var made = post(
                "/admin/api-keys",
                Map.of(
                        "name",
                        "CRM import",
                        "scopes",
                        "write:signatures",
                        "expiresOn",
                        expires,
                        "importConfirmed",
                        "true",
                        "_csrf",
                        admin.csrf()),
                "Cookie",
                admin.cookie(),
                "Origin",
                "http://localhost:" + port);
        assertThat(made.statusCode()).isEqualTo(200);
        var token = java.util.regex.Pattern.compile("khk_[A-Za-z0-9_-]{43}").matcher(made.body());
        assertThat(token.find()).isTrue();
        String importer = token.group();
        var importerKey = keys.recognise(importer).orElseThrow();
        assertThat(importerKey.importsConfirmed()).isTrue();
        assertThat(audit.newest(0, 200))
                .anySatisfy(e -> assertThat(e.action() + " " + e.detail())
                        .isEqualTo("api-key.create scopes write:signatures, expires " + importerKey.expiresAt()
                                + ", imports confirmed signatures"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.create(
                        "partner import", Set.of(ApiScope.WRITE_SIGNATURES), null, p.a().id(), true, "test"))
                .as("never a partner's key")
                .isInstanceOf(IllegalArgumentException.class);

        var accepted = importing(slug, importer, gus);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode listed = partnerRead(slug, key(ApiScope.READ_SIGNATURES), "");
        assertThat(emails(listed)).as("confirmed at once").containsExactly(gus.email);
        long counted = 0;
        for (int i = 0; i < 40 && counted == 0; i++) {
            counted = json(get("/api/v1/campaigns/" + slug)).get("signatures").asLong();
            Thread.sleep(100);
        }
        assertThat(counted).isEqualTo(1);
        Thread.sleep(2000); // the outbox worker would have sent a confirmation or thank-you mail by now
        assertThat(gus.mails()).as("no confirmation mail, no thank-you mail").isEmpty();
        assertThat(importing(slug, importer, gus).statusCode())
                .as("the same answer for an address that had signed")
                .isEqualTo(202);
        assertThat(auditOf(importerKey.actor()))
                .anySatisfy(e -> assertThat(e.action() + " " + e.detail()).isEqualTo("signature.api-import accepted"));
    }
}

package org.keephope.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Issue 12 item 3: the OpenAPI document is valid, generated from the code, and lists every /api/v1 route. */
class OpenApiIT extends AbstractIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every (method, path) the application answers under /api/v1, read from its own request mappings. */
    Set<String> v1Routes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/v1/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + path));
                }
            }
        });
        return routes;
    }

    @Test
    void theDocumentValidatesAndListsEveryV1RouteWithItsProblems() throws Exception {
        var response = get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("ETag")).isPresent();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), response.body());

        var parsed = new OpenAPIV3Parser().readContents(response.body(), null, null);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        OpenAPI document = parsed.getOpenAPI();
        assertThat(document.getInfo().getTitle()).isEqualTo("KeepHope API");
        assertThat(document.getServers())
                .singleElement()
                .satisfies(s -> assertThat(s.getUrl()).isEqualTo(BASE_URL));
        assertThat(document.getComponents().getSecuritySchemes()).containsKeys("bearer", "osdiToken");

        Set<String> documented = new TreeSet<>();
        document.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .keySet()
                        .forEach(method -> documented.add(method.name() + " " + path)));
        Set<String> routes = v1Routes();
        assertThat(routes).as("the application's /api/v1 routes").hasSizeGreaterThanOrEqualTo(8);
        assertThat(documented).as("documented routes").containsExactlyInAnyOrderElementsOf(routes);
        assertThat(document.getPaths().keySet()).allSatisfy(p -> assertThat(p).startsWith("/api/v1/"));

        assertThat(document.getComponents().getSchemas())
                .as("one schema per answer, none overwriting another of the same simple name")
                .containsKeys("CampaignItem", "NewsItem", "Campaign", "Post", "Signature", "NewSignature", "Problem");
        assertThat(document.getComponents().getSchemas().get("NewsItem").getProperties())
                .containsKeys("publishedAt", "excerpt");
        assertThat(document.getComponents().getSchemas().get("CampaignItem").getProperties())
                .containsKeys("signatures", "goal");
        document.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    assertThat(op.getResponses()).as(method + " " + path).containsKeys("401", "403", "429");
                    op.getResponses().forEach((code, answer) -> {
                        if (!code.startsWith("2")) {
                            assertThat(answer.getContent())
                                    .as(method + " " + path + " " + code)
                                    .containsOnlyKeys("application/problem+json");
                        }
                    });
                }));

        PathItem signatures = document.getPaths().get("/api/v1/campaigns/{slug}/signatures");
        assertThat(signatures.getPost().getResponses()).containsKeys("202", "400", "404", "409", "415", "422");
        assertThat(signatures.getGet().getSecurity()).isNotEmpty();
        assertThat(signatures.getPost().getRequestBody().getContent()).containsKey("application/json");
        assertThat(signatures.getGet().getParameters())
                .extracting(p -> p.getName().toLowerCase(Locale.ROOT))
                .contains("status", "since", "until", "cursor", "limit");
    }

    @Test
    void theApiPageShowsEveryRouteAndSchemaWithoutScriptUnderTheSitesPolicy() {
        var page = get("/docs/api");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        c -> assertThat(c).contains("script-src 'self'").doesNotContain("unsafe"));
        String html = page.body();
        assertThat(html).doesNotContain("<script").doesNotContain(" style=").doesNotContain("src=\"http");
        for (String route : v1Routes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            assertThat(html)
                    .as(route)
                    .contains("<span class=\"api-method\">" + method + "</span> <code>" + path + "</code>");
        }
        var links = java.util.regex.Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        while (links.find()) {
            assertThat(html).as("the anchor of #" + links.group(1)).contains("id=\"" + links.group(1) + "\"");
        }
        assertThat(html).contains("id=\"schema-NewSignature\"").contains("read:signatures");

        String russian = get("/docs/api?lang=ru").body();
        assertThat(russian).contains("Ключи, права и ошибки").contains("<html lang=\"ru\"");
    }

    @Test
    void aProblemIsAnsweredToAClientThatAcceptsOnlyJson() {
        var response = get("/api/v1/campaigns/no-such-campaign", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"status\":404").contains("\"title\"");
    }
}

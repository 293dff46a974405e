package org.keephope.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keephope.web.SiteProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The API's shared pieces: ETags for its public reads, and the frame of the OpenAPI document (title, server,
 * the two ways to send a key); the operations themselves springdoc reads from the controllers.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfig {

    static final String BEARER = "bearer";
    static final String OSDI = "osdiToken";
    static final String PROBLEM = "Problem";

    /** The refusals every route may give, whatever it is: each key sent is checked and counted. */
    private static final Map<String, String> ANY_ROUTE = Map.of(
            "401", "No key where one is required; or a key that is unknown, expired or revoked",
            "403", "The key does not hold the scope this route needs",
            "429", "Too many requests with this key this minute; see Retry-After (seconds)");

    /**
     * An {@code ETag} (a hash of the body) on every successful GET of the API, and 304 for a matching
     * {@code If-None-Match}. Answers marked {@code no-store} (the signatures) get none: Spring's filter skips
     * them, so no digest of personal data is ever handed out.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/*", "/api/osdi/v1/*", "/api/openapi.json");
        registration.setName("apiEtags");
        return registration;
    }

    @Bean
    OpenAPI keephopeOpenApi(SiteProperties site) {
        return new OpenAPI()
                .info(new Info()
                        .title("KeepHope API")
                        .version("1")
                        .description("Campaigns, counts, targets and news for anyone; a campaign's signatures for"
                                + " keys that may read them, and signatures on supporters' behalf for keys that"
                                + " may write them. Errors are application/problem+json (RFC 9457)."))
                .servers(List.of(new Server().url(site.baseUrl())))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Authorization: Bearer khk_…"))
                        .addSecuritySchemes(
                                OSDI,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("OSDI-API-Token")
                                        .description("The same key in the OSDI header")));
    }

    /**
     * The error answers of each operation, as they are (problem+json, one schema), in place of what springdoc
     * would guess from the exception handlers: 401/403/429 everywhere, 404 where a slug is named, 400 where
     * there are parameters or a body, and 409/415/422 for the POST.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        ApiResponses responses = operation.getResponses();
                        responses.keySet().removeIf(code -> !code.startsWith("2"));
                        if (responses.containsKey("202")) {
                            responses.remove("200");
                        }
                        ANY_ROUTE.forEach((code, text) -> responses.addApiResponse(code, problem(text)));
                        if (path.contains("{slug}")) {
                            responses.addApiResponse("404", problem("No public campaign (or post) has this slug"));
                        }
                        if (hasQuery(operation) || operation.getRequestBody() != null) {
                            responses.addApiResponse(
                                    "400",
                                    problem(
                                            "A parameter or the body is malformed (a bad cursor, a wrong type, unknown fields)"));
                        }
                        if (method == PathItem.HttpMethod.POST) {
                            responses.addApiResponse("409", problem("The campaign does not take signatures now"));
                            responses.addApiResponse("415", problem("The body is not application/json"));
                            responses.addApiResponse("422", problem("Fields are missing or wrong; see 'errors'"));
                        }
                    }));
        };
    }

    private static boolean hasQuery(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema errors = typed("object")
                .description("Field or parameter → what is wrong with it")
                .additionalProperties(typed("string"));
        return typed("object")
                .description("RFC 9457 problem details")
                .addProperty("type", typed("string").description("about:blank"))
                .addProperty("title", typed("string"))
                .addProperty("status", typed("integer"))
                .addProperty("detail", typed("string"))
                .addProperty("instance", typed("string"))
                .addProperty("errors", errors);
    }

    /** A schema of one type, written the 3.1 way ({@code types}) and the 3.0 way ({@code type}). */
    @SuppressWarnings("rawtypes")
    private static Schema typed(String type) {
        Schema schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }
}

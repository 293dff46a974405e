package org.keephope.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.keephope.web.SiteProperties;
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

    /**
     * An {@code ETag} (a hash of the body) on every successful GET of the API, and 304 for a matching
     * {@code If-None-Match}. Answers marked {@code no-store} (the signatures) get none: Spring's filter skips
     * them, so no digest of personal data is ever handed out.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/*", "/api/openapi.json");
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
}

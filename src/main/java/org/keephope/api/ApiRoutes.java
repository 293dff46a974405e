package org.keephope.api;

import org.keephope.web.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The APIs are authorised by a key in a header, never by a cookie: no CSRF token. */
@Configuration(proxyBeanMethods = false)
class ApiRoutes {

    @Bean
    PublicRoutes apiPublicRoutes() {
        return PublicRoutes.tokenlessPosts("/api/v1/**", "/api/osdi/v1/**");
    }
}

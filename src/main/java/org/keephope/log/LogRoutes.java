package org.keephope.log;

import org.keephope.web.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A receipt check changes nothing: a POST without a CSRF token. */
@Configuration(proxyBeanMethods = false)
class LogRoutes {

    @Bean
    PublicRoutes logPublicRoutes() {
        return PublicRoutes.tokenlessPosts("/campaigns/*/log/verify");
    }
}

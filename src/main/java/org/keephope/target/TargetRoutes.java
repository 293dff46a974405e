package org.keephope.target;

import org.keephope.web.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A supporter's letter to targets, from the link in their mail: a POST without a CSRF token. */
@Configuration(proxyBeanMethods = false)
class TargetRoutes {

    @Bean
    PublicRoutes targetPublicRoutes() {
        return PublicRoutes.tokenlessPosts("/letters/**");
    }
}

package org.keephope.site;

import org.keephope.web.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sign form of the campaign page and of the embed: POSTs without a CSRF token ({@code Signing.submit} checks their origin). */
@Configuration(proxyBeanMethods = false)
class SiteRoutes {

    @Bean
    PublicRoutes sitePublicRoutes() {
        return PublicRoutes.tokenlessPosts("/campaigns/*/sign", "/embed/campaigns/*/sign");
    }
}

package org.keephope.signature;

import org.keephope.web.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signer's links (confirm, erase) and the link that stops updates: POSTs without a CSRF token. */
@Configuration(proxyBeanMethods = false)
class SignatureRoutes {

    @Bean
    PublicRoutes signaturePublicRoutes() {
        return PublicRoutes.tokenlessPosts("/confirm/**", "/erase/**", "/updates/**");
    }
}

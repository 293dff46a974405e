package org.keephope.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * One filter chain, secured by path. Public pages need no session and set no cookie. The staff side
 * ({@code /admin/**}) needs the role EDITOR or ADMIN; users and the audit log need ADMIN. The roles come
 * from the account module's two-step sign-in, which creates the only sessions there are; anonymous visitors
 * of {@code /admin/**} are sent to {@code /login}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/admin/users/**", "/admin/audit/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/admin/**")
                        .hasAnyRole("ADMIN", "EDITOR")
                        .anyRequest()
                        .permitAll())
                // Public forms (sign, confirm, erase) need no session: they are defended by Origin and
                // Fetch-Metadata checks, rate limits and email confirmation instead of a CSRF token.
                // /error renders the error page of a failed POST; it changes nothing.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/campaigns/*/sign", "/confirm/**", "/erase/**", "/error"))
                // NEVER: Spring Security itself creates no session; only the staff sign-in pages do.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(e -> e.authenticationEntryPoint(loginPage()))
                // signing out is the account module's own POST /admin/signout (audited)
                .logout(l -> l.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(a -> {})
                // CSP, HSTS and the rest come from SecurityHeaders, for every answer including errors
                .headers(headers -> headers.defaultsDisabled().cacheControl(Customizer.withDefaults()));
        return http.build();
    }

    /**
     * A relative {@code Location: /login}: never a host taken from the request's {@code Host} header, and the
     * reader stays on the address they came by (an onion address stays an onion address).
     */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        var entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }
}

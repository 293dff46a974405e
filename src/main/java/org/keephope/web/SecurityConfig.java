package org.keephope.web;

import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * One filter chain, secured by path. Public pages need no session and set no cookie. The staff side
 * ({@code /admin/**}) needs the role EDITOR or ADMIN; users, the audit log and API keys need ADMIN; supporters' personal
 * data (search by email, erasure, export) needs ADMIN or the DATA permission. The roles come
 * from the account module's two-step sign-in, which creates the only sessions there are; anonymous visitors
 * of {@code /admin/**} are sent to {@code /login}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Supporters' personal data: finding a signature by email, erasing it, the CSV export. */
    static final String[] SUPPORTER_DATA = {"/admin/signatures/**", "/admin/campaigns/*/signatures.csv"};

    /**
     * @param csrfTokens the account module's repository: in the session when there is one, else in a cookie,
     *     so that showing the sign-in form creates no session
     * @param publicRoutes each module's public POSTs without a CSRF token
     */
    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, CsrfTokenRepository csrfTokens, ObjectProvider<PublicRoutes> publicRoutes)
            throws Exception {
        // /error renders the error page of a failed POST: it changes nothing
        String[] tokenless = Stream.concat(
                        Stream.of("/error"), publicRoutes.orderedStream().flatMap(r -> r.tokenlessPosts().stream()))
                .distinct()
                .toArray(String[]::new);
        http.authorizeHttpRequests(
                        auth -> auth.requestMatchers("/admin/users/**", "/admin/audit/**", "/admin/api-keys/**")
                                .hasRole("ADMIN")
                                // an explicit permission beside the role (ROLE_DATA, granted on /admin/users), or ADMIN
                                .requestMatchers(SUPPORTER_DATA)
                                .hasAnyRole("ADMIN", "DATA")
                                // a PARTNER account signs out like staff, and sees nothing else under /admin
                                .requestMatchers("/admin/signout", "/admin/signout-everywhere")
                                .hasAnyRole("ADMIN", "EDITOR", "PARTNER")
                                .requestMatchers("/admin/**")
                                .hasAnyRole("ADMIN", "EDITOR")
                                // a coalition partner's own screens (issue 11): its organisation comes from the account
                                .requestMatchers("/partner", "/partner/**")
                                .hasRole("PARTNER")
                                .anyRequest()
                                .permitAll())
                // Public forms (sign, confirm, erase) need no session: they are defended by Origin and
                // Fetch-Metadata checks, rate limits and email confirmation instead of a CSRF token; the APIs are
                // authorised by a key in a header, never by a cookie. Each module names its own (PublicRoutes).
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(tokenless))
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

package org.keephope.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.keephope.web.SiteProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff sessions live in the database (Spring Session JDBC), so every node knows them and "sign out everywhere"
 * can delete them. Only staff pages ever create one. Idle timeout: {@code spring.session.timeout} (30 min);
 * the absolute limit since sign-in is enforced here.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    /** When the session was fully signed in (epoch millis), for the absolute limit. */
    static final String SIGNED_IN_AT = "keephope.signedInAt";

    @Bean
    CookieSerializer cookieSerializer(AccountProperties properties, SiteProperties site) {
        boolean secure = properties.secureCookie() != null
                ? properties.secureCookie()
                : site.baseUrl().startsWith("https://");
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(secure ? "__Host-KEEPHOPE_SESSION" : "KEEPHOPE_SESSION");
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseSecureCookie(secure);
        cookie.setSameSite("Lax");
        cookie.setUseBase64Encoding(true);
        return cookie;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> absoluteSessionTimeout(AccountProperties properties, Clock clock) {
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null
                        && session.getAttribute(SIGNED_IN_AT) instanceof Long signedIn
                        && clock.millis() - signedIn
                                >= properties.absoluteTimeout().toMillis()) {
                    session.invalidate();
                }
                chain.doFilter(request, response);
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        // right after Spring Session's filter, before Spring Security reads the session
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }
}

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
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff sessions live in the database (Spring Session JDBC), so every node knows them and "sign out everywhere"
 * can delete them. Only the password step of a sign-in creates one. Idle timeout: {@code spring.session.timeout}
 * (30 min); the absolute limit counts from the session's creation — the password step — and is enforced here.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    /** {@code Secure} cookies with the {@code __Host-} prefix: when set, or when the base URL is https. */
    static boolean secureCookies(AccountProperties properties, SiteProperties site) {
        return properties.secureCookie() != null
                ? properties.secureCookie()
                : site.baseUrl().startsWith("https://");
    }

    @Bean
    CookieSerializer cookieSerializer(AccountProperties properties, SiteProperties site) {
        boolean secure = secureCookies(properties, site);
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(secure ? "__Host-KEEPHOPE_SESSION" : "KEEPHOPE_SESSION");
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseSecureCookie(secure);
        cookie.setSameSite("Lax");
        cookie.setUseBase64Encoding(true);
        return cookie;
    }

    /**
     * CSRF tokens: in the session when there is one; otherwise (the sign-in, reset and setup forms of a visitor
     * who has none) in an HttpOnly cookie, compared with the form's token (double submit), so showing the login
     * form stores nothing on the server. The web module's security configuration uses this bean.
     */
    @Bean
    CsrfTokenRepository staffCsrfTokens(AccountProperties properties, SiteProperties site) {
        boolean secure = secureCookies(properties, site);
        CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();
        cookies.setCookieName(secure ? "__Host-KEEPHOPE_CSRF" : "KEEPHOPE_CSRF");
        cookies.setCookiePath("/");
        cookies.setHeaderName("X-CSRF-TOKEN");
        cookies.setCookieCustomizer(c -> c.httpOnly(true).secure(secure).sameSite("Strict"));
        return new SessionOrCookieCsrfTokens(new HttpSessionCsrfTokenRepository(), cookies);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> absoluteSessionTimeout(AccountProperties properties, Clock clock) {
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null
                        && clock.millis() - session.getCreationTime()
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

    /** The session's repository when the request has a session, the cookie's when it has none. */
    record SessionOrCookieCsrfTokens(HttpSessionCsrfTokenRepository sessions, CookieCsrfTokenRepository cookies)
            implements CsrfTokenRepository {

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return sessions.generateToken(request);
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            if (request.getSession(false) != null) {
                sessions.saveToken(token, request, response);
            } else {
                cookies.saveToken(token, request, response);
            }
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            return request.getSession(false) != null ? sessions.loadToken(request) : cookies.loadToken(request);
        }
    }
}

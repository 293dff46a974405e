package org.keephope.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every answer, written before anything else runs: a request refused by the
 * firewall, the size limit or a broken body gets them as a page does, and so does the error page (this
 * filter runs for the error dispatch too). Errors Tomcat answers before the application sees the request
 * get them from {@link ContainerErrorPage}. Spring Security writes only {@code Cache-Control}.
 *
 * <p>HSTS follows the configured base URL, not the request: behind a reverse proxy that ends TLS, the
 * request reaching us is plain HTTP, yet the reader's browser spoke HTTPS.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders extends OncePerRequestFilter {

    /** Everything from our own origin; nothing inline, nothing from another host. */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()";

    /** A year, subdomains included (ASVS 5.0 3.4.1 at level 2). */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    private final boolean https;

    SecurityHeaders(SiteProperties site) {
        this.https = site.isHttps();
    }

    void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (https) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(response);
        chain.doFilter(request, "OPTIONS".equals(request.getMethod()) ? new WithoutTrace(response) : response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /**
     * TRACE is refused (Tomcat's default), so no {@code Allow} header may offer it; the servlet API's own
     * OPTIONS answer, which Spring falls back to for a CORS preflight, lists it regardless.
     */
    static final class WithoutTrace extends HttpServletResponseWrapper {

        WithoutTrace(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Allow".equalsIgnoreCase(name) ? withoutTrace(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Allow".equalsIgnoreCase(name) ? withoutTrace(value) : value);
        }

        static String withoutTrace(String allow) {
            return allow == null
                    ? null
                    : Arrays.stream(allow.split(","))
                            .map(String::trim)
                            .filter(m -> !m.isEmpty() && !m.equalsIgnoreCase("TRACE"))
                            .collect(Collectors.joining(", "));
        }
    }
}

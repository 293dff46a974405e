package org.keephope.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A multipart body is parsed only after Spring Security has let the request through, and only on the staff
 * side, where uploads are. Tomcat parses every part (and writes it to a temporary file) the moment anything
 * asks for a parameter — and the CSRF check asks for {@code _csrf}. So until the gate opens, a multipart
 * request shows only the parameters of its query (where our upload forms carry the token) and no parts.
 * The gate opens for a POST under {@code /admin/} right after the security filters; elsewhere it never
 * opens, so a multipart body sent to a public route is never parsed at all.
 */
@Configuration(proxyBeanMethods = false)
class MultipartGate {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> closeMultipartGate() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(isMultipart(request) ? new Gated(request) : request, response);
            }
        });
        // after the size limit and RequestErrors, before Spring Session and Spring Security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> openMultipartGate() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getAttribute(Gated.ATTRIBUTE) instanceof Gated gated
                        && "POST".equals(request.getMethod())
                        && request.getRequestURI().startsWith("/admin/")) {
                    gated.open();
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
    }

    /** A multipart request that shows its query's parameters only, and no parts, until opened. */
    static final class Gated extends HttpServletRequestWrapper {

        static final String ATTRIBUTE = Gated.class.getName();

        private volatile boolean open;
        private Map<String, String[]> query;

        Gated(HttpServletRequest request) {
            super(request);
            request.setAttribute(ATTRIBUTE, this);
        }

        void open() {
            open = true;
        }

        @Override
        public String getParameter(String name) {
            if (open) {
                return super.getParameter(name);
            }
            String[] values = query().get(name);
            return values == null ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            if (open) {
                return super.getParameterValues(name);
            }
            String[] values = query().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return open ? super.getParameterNames() : Collections.enumeration(query().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return open ? super.getParameterMap() : query();
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            return open ? super.getParts() : List.of();
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            return open ? super.getPart(name) : null;
        }

        private Map<String, String[]> query() {
            if (query == null) {
                Map<String, String[]> parsed = new LinkedHashMap<>();
                UrlEncodedForm.parse(getQueryString(), charset())
                        .forEach((name, values) -> parsed.put(name, values.toArray(String[]::new)));
                query = Collections.unmodifiableMap(parsed);
            }
            return query;
        }

        private Charset charset() {
            try {
                return getCharacterEncoding() == null
                        ? StandardCharsets.UTF_8
                        : Charset.forName(getCharacterEncoding());
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
    }
}

package org.keephope.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Public forms are small: a body over 64 KiB is refused with 413 before anything reads it. Staff forms
 * may carry an image upload: their bodies may reach the multipart limit ({@code
 * spring.servlet.multipart.max-request-size}, 6 MB), beyond which they get the same friendly 413, before
 * the CSRF check would have to parse the body and fail on it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_PUBLIC_BODY = 64 * 1024;
    static final long MAX_STAFF_BODY = 6 * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith("/admin/") ? MAX_STAFF_BODY : MAX_PUBLIC_BODY;
        if (request.getContentLengthLong() > limit) {
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}

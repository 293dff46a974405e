package org.keephope.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Public forms are small: a body over 64 KiB is refused with 413 before anything reads it. Staff forms
 * may carry an image upload: their bodies may reach the multipart limit ({@code
 * spring.servlet.multipart.max-request-size}, 6 MB), beyond which they get the same friendly 413, before
 * the CSRF check would have to parse the body and fail on it.
 *
 * <p>A body without {@code Content-Length} (chunked) cannot be judged by its header. A public form sent so
 * is read here, at most 64 KiB and one byte, and handed on from memory: Tomcat reads form bodies itself,
 * past any wrapper of the input stream, up to its own 1 MB. Any other chunked body gets an input stream
 * that fails past the limit. A chunked staff form is bounded by Tomcat ({@code
 * server.tomcat.max-http-form-post-size}, 1 MB) and a chunked upload by the multipart limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_PUBLIC_BODY = 64 * 1024;
    static final long MAX_STAFF_BODY = 6 * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean staff = request.getRequestURI().startsWith("/admin/");
        long limit = staff ? MAX_STAFF_BODY : MAX_PUBLIC_BODY;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response);
            return;
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!staff && isForm(request)) {
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                refuse(response);
                return;
            }
            chain.doFilter(new ReadForm(request, body), response);
            return;
        }
        chain.doFilter(new BoundedBody(request, limit), response);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null
                && type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0, 33)
                && "POST".equals(request.getMethod());
    }

    /** The whole stream, or null when it holds more than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** Thrown by a chunked body's stream past the limit; {@link RequestErrors} answers 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body over the limit", null);
        }
    }

    /** A chunked body that is not a public form: its stream fails once it passes the limit. */
    static final class BoundedBody extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        BoundedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            count += n;
            if (count > limit) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /** A public form read into memory: its body from there, its parameters the query's and the body's. */
    static final class ReadForm extends HttpServletRequestWrapper {

        private final byte[] body;
        private Map<String, String[]> parameters;

        ReadForm(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                // the query's first (Tomcat still parses it: the body was read as a stream), then the body's
                Map<String, List<String>> merged = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> merged.put(name, new ArrayList<>(List.of(values))));
                UrlEncodedForm.parse(body, charset(this))
                        .forEach((name, values) -> merged.computeIfAbsent(name, n -> new ArrayList<>())
                                .addAll(values));
                Map<String, String[]> result = new LinkedHashMap<>();
                merged.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(result);
            }
            return parameters;
        }
    }

    private static Charset charset(HttpServletRequest request) {
        String name = request.getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}

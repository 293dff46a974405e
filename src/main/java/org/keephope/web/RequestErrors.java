package org.keephope.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * What goes wrong while a request is handled ends here, not in Tomcat: Tomcat would log each exception
 * that leaves the servlet as a 40 KB stack trace at ERROR, and a client could make it do so at will.
 *
 * <ul>
 *   <li>Parameters are parsed first, here (not for multipart bodies: {@link MultipartGate}): a form with a
 *       bad {@code %} escape or invalid UTF-8, or one over Tomcat's size, is answered 400 or 413 with our
 *       page and one short line in the log ({@link BadInputLog}), before any handler runs.
 *   <li>An exception that leaves the application for input the client got wrong (a broken multipart body,
 *       a chunked body over the limit) gets the same; the client going away is not logged at all.
 *   <li>Anything else is ours: one ERROR entry with the stack trace, its messages scrubbed of anything
 *       that looks like a token or an email address, and the 500 page.
 * </ul>
 *
 * On the error dispatch, a request whose parameters cannot be parsed shows none, so the error page can
 * still ask for {@code ?lang=}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RequestErrors extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestErrors.class);

    private final BadInputLog badInput;

    RequestErrors(BadInputLog badInput) {
        this.badInput = badInput;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            chain.doFilter(parametersOrNone(request), response);
            return;
        }
        try {
            // a multipart body stays closed (MultipartGate); its query is checked all the same
            Map<String, String[]> parameters =
                    MultipartGate.isMultipart(request) ? queryOf(request.getQueryString()) : request.getParameterMap();
            if (hasNulCharacter(parameters)) {
                badInput.refused(HttpServletResponse.SC_BAD_REQUEST, "NUL character in parameters", request);
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            handle(e, request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private void handle(Throwable thrown, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable cause = badInput(thrown);
        if (cause instanceof ClientAbortException) {
            return;
        }
        if (cause != null) {
            int status = statusOf(cause);
            badInput.refused(status, describe(cause), request);
            if (!response.isCommitted()) {
                response.sendError(status);
            }
            return;
        }
        log.error(
                "Unexpected error on {} {}",
                request.getMethod(),
                BadInputLog.route(request),
                Redacted.copy(
                        thrown instanceof ServletException s && s.getRootCause() != null ? s.getRootCause() : thrown));
        if (!response.isCommitted()) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    /**
     * No one types a NUL, PostgreSQL refuses it in text (a 500 deep inside a handler), and H2 and logs treat it
     * differently: a parameter name or value holding one is refused before any handler, like invalid UTF-8.
     */
    static boolean hasNulCharacter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A query string's parameters, decoded as strictly as Tomcat decodes them (a bad escape is a 400). */
    static Map<String, String[]> queryOf(String query) {
        Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
        UrlEncodedForm.parse(query, java.nio.charset.StandardCharsets.UTF_8)
                .forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return parameters;
    }

    /** The exception in the chain that says the client sent something wrong, or null. */
    private static Throwable badInput(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidParameterException
                    || t instanceof MultipartException
                    || t instanceof RequestSizeLimit.BodyTooLarge
                    || t instanceof ClientAbortException) {
                return t;
            }
        }
        return null;
    }

    private static int statusOf(Throwable cause) {
        if (cause instanceof InvalidParameterException e && e.getErrorCode() >= 400 && e.getErrorCode() < 500) {
            return e.getErrorCode();
        }
        if (cause instanceof MaxUploadSizeExceededException || cause instanceof RequestSizeLimit.BodyTooLarge) {
            return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
        }
        return HttpServletResponse.SC_BAD_REQUEST;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof InvalidParameterException) {
            return "unreadable parameters";
        }
        if (cause instanceof MultipartException) {
            return "unreadable multipart body";
        }
        return "body over the limit";
    }

    private static HttpServletRequest parametersOrNone(HttpServletRequest request) {
        try {
            // a multipart request stays closed: the page needs no part
            HttpServletRequest readable =
                    MultipartGate.isMultipart(request) ? new MultipartGate.Gated(request) : request;
            readable.getParameterMap();
            return readable;
        } catch (RuntimeException e) {
            return new HttpServletRequestWrapper(request) {
                @Override
                public String getParameter(String name) {
                    return null;
                }

                @Override
                public String[] getParameterValues(String name) {
                    return null;
                }

                @Override
                public Enumeration<String> getParameterNames() {
                    return Collections.emptyEnumeration();
                }

                @Override
                public Map<String, String[]> getParameterMap() {
                    return Map.of();
                }
            };
        }
    }

    /**
     * A copy of an exception and its causes for the log, with the same stack traces but messages that
     * cannot carry a token or an address: an exception message often quotes the input that broke it.
     */
    static final class Redacted extends RuntimeException {

        private static final Pattern EMAIL = Pattern.compile("[^\\s\"'<>@]+@[^\\s\"'<>@]+");
        private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-]{20,}");

        private Redacted(String message, Throwable cause) {
            super(message, cause);
        }

        static Throwable copy(Throwable original) {
            return copy(original, 0);
        }

        private static Throwable copy(Throwable original, int depth) {
            Throwable cause = original.getCause() == null || original.getCause() == original || depth > 10
                    ? null
                    : copy(original.getCause(), depth + 1);
            Redacted copy = new Redacted(original.getClass().getName() + ": " + scrub(original.getMessage()), cause);
            copy.setStackTrace(original.getStackTrace());
            return copy;
        }

        static String scrub(String message) {
            if (message == null) {
                return "";
            }
            String shown = message.length() > 300 ? message.substring(0, 300) + "…" : message;
            String masked =
                    TOKEN.matcher(EMAIL.matcher(shown).replaceAll("[address]")).replaceAll("[token]");
            // no line breaks or terminal escapes from the input: one entry stays one entry
            return masked.replaceAll("\\p{Cntrl}", "?");
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}

package org.keephope.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Requests refused for what the client sent (a broken body, a bad URL, an unparsable request line) are
 * logged as one short line each, at most {@value #LINES_PER_MINUTE} a minute, with a count of the rest:
 * an anonymous client must not be able to fill the log or the disk. A line names the method and the
 * route, never the address, query or body, which may hold a token or an email address.
 */
@Component
public class BadInputLog {

    static final int LINES_PER_MINUTE = 10;
    private static final Logger log = LoggerFactory.getLogger(BadInputLog.class);

    private final Clock clock;
    private long minute = -1;
    private int lines;
    private int suppressed;

    BadInputLog(Clock clock) {
        this.clock = clock;
    }

    /** One refused request; {@code what} is a short fixed description such as "invalid form encoding". */
    public void refused(int status, String what, HttpServletRequest request) {
        String method = request == null ? "?" : printable(request.getMethod());
        String route = request == null ? "?" : route(request);
        int skipped;
        synchronized (this) {
            long now = clock.millis() / 60_000;
            skipped = 0;
            if (now != minute) {
                skipped = suppressed;
                minute = now;
                lines = 0;
                suppressed = 0;
            }
            if (++lines > LINES_PER_MINUTE) {
                suppressed++;
                return;
            }
        }
        if (skipped > 0) {
            log.info("{} more bad requests were refused in the minute before (not logged one by one)", skipped);
        }
        log.info("Refused a bad request ({}, {}): {} {}", status, what, method, route);
    }

    /**
     * The route pattern ({@code /confirm/{token}}) when a handler was found, else the first segment of the
     * path only: a path may hold a token.
     */
    static String route(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            return printable(pattern);
        }
        String path = request.getRequestURI();
        if (path == null || !path.startsWith("/")) {
            return "?";
        }
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path.substring(1) : path.substring(1, second);
        return first.matches("[a-z][a-z.-]{0,19}") ? "/" + first + (second < 0 ? "" : "/…") : "/…";
    }

    private static String printable(String text) {
        if (text == null) {
            return "?";
        }
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return shown.replaceAll("[^\\x21-\\x7e…]", "?");
    }
}

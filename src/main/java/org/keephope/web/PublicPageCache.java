package org.keephope.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Public pages a cache can hold. An anonymous GET of a route on {@link #ROUTES} that answers 200
 * gets {@code Cache-Control: public, max-age=N} ({@code keephope.cache.public-max-age}), {@code Vary:
 * Accept-Language, Cookie} (the language comes from either), a weak {@code ETag} of its bytes and a
 * {@code Last-Modified} (when this node first saw these bytes for this path, query and language), and a 304
 * to a matching {@code If-None-Match} or {@code If-Modified-Since}. Everything else keeps Spring Security's
 * {@code no-store}: any other method; a route not on the list (confirm and erase links, staff pages, sign-in);
 * a request with any cookie but the language's (a staff session, a sign-in in progress, a device cookie) or
 * with {@code Authorization}; a request with a body, or with a parameter that is not in its query string
 * (a cache keys on the address: what it cannot see must not shape the page); an answer that is not a 200 (a
 * form error is a 422, a missing page a 404), sets a cookie ({@code ?lang=} does) or made a session.
 *
 * <p>A controller that chose its own {@code Cache-Control} (the count API) keeps it; it still gets the ETag.
 * The sign form's stamp changes every second but any recent one is good, so it is left out of the ETag
 * ({@link #VOLATILE}): a reader's copy with an older stamp is still the same page.
 *
 * <p>Runs inside Spring Security's filter chain, whose {@code no-store} is written when the answer is
 * committed, only if no {@code Cache-Control} is set by then; the body is held until this filter decides.
 */
public class PublicPageCache extends OncePerRequestFilter {

    /** A request attribute: a string of the page that may differ between equivalent copies (the form stamp). */
    public static final String VOLATILE = PublicPageCache.class.getName() + ".VOLATILE";

    /** The cacheable routes. Every one is the same for every anonymous reader in a language. */
    static final List<String> ROUTES = List.of(
            "/",
            "/campaigns/{slug}",
            "/campaigns/{slug}/signers",
            "/campaigns/{slug}/stats",
            "/campaigns/{slug}/log",
            // the embedded form: it differs by ?src= and ?lang= (in the address) and Accept-Language (Vary);
            // its frame-ancestors header is the campaign's, the same for every reader
            "/embed/campaigns/{slug}",
            "/news",
            "/news/{slug}",
            "/privacy",
            "/feeds/news.atom",
            "/sitemap.xml",
            "/robots.txt",
            "/api/campaigns/{slug}");

    /** Cookies that only say the reader's language: the page depends on them, and {@code Vary} says so. */
    private static final Set<String> LANGUAGE_COOKIES =
            Set.of(LanguageSelection.COOKIE, LanguageSelection.SECURE_COOKIE);

    private final List<PathPattern> routes;
    private final String cacheControl;
    private final Clock clock;
    private final Cache<String, Version> versions;

    /** The ETag a (path, query, language) answered last, and since when. */
    private record Version(String etag, Instant since) {}

    private final Counter full;
    private final Counter notModified;
    private final Counter passed;

    PublicPageCache(CacheProperties properties, Clock clock, MeterRegistry registry) {
        this.full = registry.counter("keephope.pages.cacheable", "answer", "200");
        this.notModified = registry.counter("keephope.pages.cacheable", "answer", "304");
        this.passed = registry.counter("keephope.pages.uncacheable");
        PathPatternParser parser = new PathPatternParser();
        this.routes = ROUTES.stream().map(parser::parse).toList();
        this.cacheControl = "public, max-age=" + properties.publicMaxAge().toSeconds();
        this.clock = clock;
        this.versions =
                Caffeine.newBuilder().maximumSize(properties.remembered()).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!cacheable(request)) {
            passed.increment();
            chain.doFilter(request, response);
            return;
        }
        var held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            finish(request, held);
        }
    }

    boolean cacheable(HttpServletRequest request) {
        // not HEAD: the servlet container drops a HEAD's body before this filter could see it for the ETag
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getContentLengthLong() > 0
                || request.getHeader("Transfer-Encoding") != null
                || request.getRequestedSessionId() != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null && Arrays.stream(cookies).anyMatch(c -> !LANGUAGE_COOKIES.contains(c.getName()))) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container;
        try {
            container = PathContainer.parsePath(path);
        } catch (RuntimeException e) {
            return false;
        }
        if (routes.stream().noneMatch(route -> route.matches(container))) {
            return false;
        }
        return parametersAllInQuery(request);
    }

    /** Every parameter the application will see was sent in the query string, which a cache keys on. */
    static boolean parametersAllInQuery(HttpServletRequest request) {
        Set<String> names = request.getParameterMap().keySet();
        if (names.isEmpty()) {
            return true;
        }
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        Set<String> inQuery = new HashSet<>();
        try {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                inQuery.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!inQuery.containsAll(names)) {
            return false;
        }
        // and no value from elsewhere: the query's own values are all there are
        int inQueryValues = query.split("&").length;
        int values = request.getParameterMap().values().stream()
                .mapToInt(v -> v.length)
                .sum();
        return values <= inQueryValues;
    }

    private void finish(HttpServletRequest request, ContentCachingResponseWrapper held) throws IOException {
        HttpServletResponse response = (HttpServletResponse) held.getResponse();
        if (held.getStatus() != HttpServletResponse.SC_OK
                || !held.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                || request.getSession(false) != null
                || held.isCommitted()) {
            passed.increment();
            held.copyBodyToResponse();
            return;
        }
        byte[] body = held.getContentAsByteArray();
        String etag = "W/\"" + digest(body, request.getAttribute(VOLATILE)) + "\"";
        Instant since = since(request, etag);
        if (held.getHeader(HttpHeaders.CACHE_CONTROL) == null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, since.toEpochMilli());
        if (notModified(request, etag, since)) {
            held.resetBuffer();
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.flushBuffer();
            notModified.increment();
            return;
        }
        full.increment();
        held.copyBodyToResponse();
    }

    private Instant since(HttpServletRequest request, String etag) {
        String key = request.getRequestURI() + "?" + request.getQueryString() + "#"
                + request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) + "#" + languageCookie(request);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Version version = versions.asMap()
                .compute(key, (k, old) -> old != null && old.etag().equals(etag) ? old : new Version(etag, now));
        return version.since();
    }

    private static String languageCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return "";
        }
        return Arrays.stream(cookies)
                .filter(c -> LANGUAGE_COOKIES.contains(c.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse("");
    }

    /** RFC 9110 13.2.2: If-None-Match (weak comparison) decides when present; else If-Modified-Since. */
    static boolean notModified(HttpServletRequest request, String etag, Instant since) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            String opaque = opaque(etag);
            for (String candidate : ifNoneMatch.split(",")) {
                String c = candidate.trim();
                if (c.equals("*") || opaque(c).equals(opaque)) {
                    return true;
                }
            }
            return false;
        }
        long ifModifiedSince;
        try {
            ifModifiedSince = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return ifModifiedSince >= 0 && since.toEpochMilli() <= ifModifiedSince;
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    private static String digest(byte[] body, Object volatileText) {
        byte[] hashed = body;
        if (volatileText instanceof String text && !text.isEmpty()) {
            hashed = new String(body, StandardCharsets.UTF_8).replace(text, "").getBytes(StandardCharsets.UTF_8);
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(hashed);
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

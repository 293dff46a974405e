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
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.keephope.support.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>The busiest of these pages are also kept rendered in memory for a second ({@link RenderedPages}): a hit is
 * answered here from the kept bytes and headers, with the same cache headers and 304 as a fresh rendering.
 *
 * <p>Runs inside Spring Security's filter chain, whose {@code no-store} is written when the answer is
 * committed, only if no {@code Cache-Control} is set by then; the body is held until this filter decides.
 */
public class PublicPageCache extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PublicPageCache.class);

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

    /** Methods that change nothing: any other request may have, so this node's kept pages are dated by it. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Headers of a kept page that are not given again to the next reader (set afresh, or never shared). */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "set-cookie",
            "content-length",
            "content-type",
            "content-language",
            "date",
            "transfer-encoding",
            "etag",
            "last-modified");

    private final RenderedPages rendered;
    private final LanguageSelection languages;

    PublicPageCache(
            CacheProperties properties,
            Clock clock,
            MeterRegistry registry,
            RenderedPages rendered,
            LanguageSelection languages) {
        this.rendered = rendered;
        this.languages = languages;
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
            try {
                chain.doFilter(request, response);
            } finally {
                if (!SAFE_METHODS.contains(request.getMethod())) {
                    rendered.changed();
                }
            }
            return;
        }
        String key = rendered.keyOf(request, languages.resolveLocale(request));
        RenderedPages.Lookup lookup = key == null ? new RenderedPages.Alone() : rendered.lookup(key);
        if (lookup instanceof RenderedPages.Hit hit) {
            answer(request, response, hit.page());
            return;
        }
        var held = new Held(response);
        if (lookup instanceof RenderedPages.Render render) {
            RenderedPages.Page page = null;
            try {
                chain.doFilter(request, held);
                page = shareable(request, held, render);
            } catch (IOException | ServletException | RuntimeException e) {
                if (!answeredStale(request, held, key, e)) {
                    throw e;
                }
                return;
            } finally {
                rendered.done(render, page);
            }
            if (page != null) {
                answer(request, response, page);
            } else if (!answeredStale(request, held, key, null)) {
                finish(request, held);
            }
            return;
        }
        try {
            chain.doFilter(request, held);
        } catch (IOException | ServletException | RuntimeException e) {
            if (key == null || !answeredStale(request, held, key, e)) {
                throw e;
            }
            return;
        }
        if (key == null || !answeredStale(request, held, key, null)) {
            finish(request, held);
        }
    }

    /**
     * When rendering a kept page failed (an exception, or a server error page: the database away), answers with
     * the last copy rendered instead, if there is one and nothing was sent yet; says whether it did.
     */
    private boolean answeredStale(HttpServletRequest request, Held held, String key, Exception failure)
            throws IOException {
        if (failure == null && held.getStatus() < HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            return false;
        }
        if (held.isCommitted() || request.isAsyncStarted()) {
            return false;
        }
        RenderedPages.Page last = rendered.lastGood(key);
        if (last == null) {
            return false;
        }
        log.debug(
                "Serving the last rendered copy of {} ({}): rendering it failed with {}",
                request.getRequestURI(),
                last.rendered(),
                failure == null ? "status " + held.getStatus() : failure.toString());
        held.reset();
        answer(request, (HttpServletResponse) held.getResponse(), last);
        return true;
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
        return onRoutes(request, routes) && parametersAllInQuery(request);
    }

    /** Whether the request's path (without the context path) is one of these routes. */
    static boolean onRoutes(HttpServletRequest request, List<PathPattern> routes) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container;
        try {
            container = PathContainer.parsePath(path);
        } catch (RuntimeException e) {
            return false;
        }
        return routes.stream().anyMatch(route -> route.matches(container));
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

    /** Whether an answer may be shared: a 200 without a cookie or a session, not yet sent. */
    private static boolean shareable(HttpServletRequest request, ContentCachingResponseWrapper held) {
        return held.getStatus() == HttpServletResponse.SC_OK
                && held.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && request.getSession(false) == null
                && !held.isCommitted();
    }

    private void finish(HttpServletRequest request, Held held) throws IOException {
        if (!shareable(request, held)) {
            passed.increment();
            held.copyBodyToResponse();
            return;
        }
        byte[] body = held.getContentAsByteArray();
        String etag = "W/\"" + digest(body, request.getAttribute(VOLATILE)) + "\"";
        HttpServletResponse response = (HttpServletResponse) held.getResponse();
        boolean notModified = headers(request, response, etag, held.getHeader(HttpHeaders.CACHE_CONTROL) == null);
        boolean worth = Gzip.worth(held.getContentType(), body.length);
        if (worth) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        if (notModified) {
            held.resetBuffer();
            response.flushBuffer();
            return;
        }
        if (worth && Gzip.accepted(request)) {
            held.resetBuffer();
            write(request, response, body, Gzip.compress(body));
            return;
        }
        held.copyBodyToResponse();
    }

    /** The rendered page as {@link RenderedPages} keeps it, or null when it cannot be shared. */
    private RenderedPages.Page shareable(HttpServletRequest request, Held held, RenderedPages.Render render) {
        if (!shareable(request, held)) {
            return null;
        }
        byte[] body = held.getContentAsByteArray();
        String etag = "W/\"" + digest(body, request.getAttribute(VOLATILE)) + "\"";
        HttpServletResponse response = (HttpServletResponse) held.getResponse();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, List.copyOf(response.getHeaders(name)));
            }
        }
        return new RenderedPages.Page(
                body,
                Gzip.worth(held.getContentType(), body.length) ? Gzip.compress(body) : null,
                held.getContentType(),
                held.locale,
                headers,
                held.getHeader(HttpHeaders.CACHE_CONTROL) != null,
                etag,
                render.started(),
                render.generation(),
                render.forced());
    }

    /** Another reader's answer from a kept page: the same headers and bytes, or a 304. */
    private void answer(HttpServletRequest request, HttpServletResponse response, RenderedPages.Page page)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        page.headers().forEach((name, values) -> {
            for (int i = 0; i < values.size(); i++) {
                if (i == 0) {
                    response.setHeader(name, values.get(i));
                } else {
                    response.addHeader(name, values.get(i));
                }
            }
        });
        if (page.contentType() != null) {
            response.setContentType(page.contentType());
        }
        if (page.locale() != null) {
            response.setLocale(page.locale());
        }
        boolean notModified = headers(request, response, page.etag(), !page.ownCacheControl());
        if (page.gzipped() != null) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        if (notModified) {
            response.flushBuffer();
            return;
        }
        write(request, response, page.body(), page.gzipped());
    }

    /** The body, compressed when it is worth it and the reader takes gzip ({@code gzipped}: done already). */
    private static void write(HttpServletRequest request, HttpServletResponse response, byte[] body, byte[] gzipped)
            throws IOException {
        byte[] sent = body;
        if (gzipped != null && Gzip.accepted(request)) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            sent = gzipped;
        }
        response.setContentLength(sent.length);
        response.getOutputStream().write(sent);
    }

    /**
     * The cache headers of a shareable answer; true when it is a 304 (the status is set, no body follows).
     *
     * @param ours whether to set this filter's {@code Cache-Control} and {@code Vary}: not when the controller
     *     chose its own (the count API)
     */
    private boolean headers(HttpServletRequest request, HttpServletResponse response, String etag, boolean ours) {
        Instant since = since(request, etag);
        if (ours) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, since.toEpochMilli());
        if (notModified(request, etag, since)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            notModified.increment();
            return true;
        }
        full.increment();
        return false;
    }

    /** The response held until this filter decides, and the locale the view gave it ({@code Content-Language}). */
    private static final class Held extends ContentCachingResponseWrapper {

        private Locale locale;

        Held(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setLocale(Locale locale) {
            this.locale = locale;
            super.setLocale(locale);
        }
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
        return HexFormat.of().formatHex(Sha256.of(hashed), 0, 16);
    }
}

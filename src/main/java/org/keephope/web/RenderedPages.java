package org.keephope.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * This node's rendered copies of the busiest public pages, per (path, query, language), so that a page is
 * rendered at most about once per {@code keephope.cache.render-period} (a second) however many read it. Only
 * for what {@link PublicPageCache} already found the same for every anonymous reader (no cookie but the
 * language's, no session, no credentials), on {@link #ROUTES}, with no query parameter but {@link #PARAMETERS}.
 *
 * <p>Single flight: the first reader of a missing or stale copy renders it; readers arriving meanwhile wait for
 * that copy instead of rendering their own. An answer that cannot be shared (not a 200, a cookie, a session) is
 * not kept, and the waiters render their own.
 *
 * <p>Counts: a copy is at most one period old and the count it shows at most {@code countFreshness} (a second)
 * older, so at most about 2 s. A change made on this node (any request that is not a GET or HEAD: a
 * confirmation, a staff edit) makes older copies stale at once, but a copy re-rendered for such a change is kept
 * for its period: under a crowd of confirmations a page is rendered at most twice per period.
 *
 * <p>Stale if error: the last copy of each page rendered is also kept for {@code stale-if-error} (an hour), so
 * that when rendering it again fails (the database restarting) the reader gets that copy instead of an error
 * page, as {@code proxy_cache_use_stale} does in nginx in front.
 */
final class RenderedPages {

    /** The pages kept: the campaign list and page, its stats, the news and the count API. */
    static final List<String> ROUTES = List.of(
            "/", "/campaigns/{slug}", "/campaigns/{slug}/stats", "/news", "/news/{slug}", "/api/campaigns/{slug}");

    /** Query parameters a kept page may have: its language, a partner's source, the news's page and region. */
    static final Set<String> PARAMETERS = Set.of("lang", "src", "page", "region");

    /** Longer queries are rendered every time rather than fill the memory with variants. */
    static final int MAX_QUERY = 200;

    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * A page as rendered: everything needed to answer another reader with the same bytes; {@code gzipped} is
     * the body compressed once (null when not worth it, {@link Gzip}).
     */
    record Page(
            byte[] body,
            byte[] gzipped,
            String contentType,
            Locale locale,
            Map<String, List<String>> headers,
            boolean ownCacheControl,
            String etag,
            Instant rendered,
            long generation,
            boolean forced) {}

    /** Where a reader's answer comes from. */
    interface Lookup {}

    /** A fresh copy: answer with it. */
    record Hit(Page page) implements Lookup {}

    /** None: this reader renders it, then {@link #done} with the page (or null when it cannot be shared). */
    record Render(String key, CompletableFuture<Page> flight, long generation, boolean forced, Instant started)
            implements Lookup {}

    /** Nothing to share: render as if there were no cache. */
    record Alone() implements Lookup {}

    private final List<PathPattern> routes;
    private final Duration period;
    private final Clock clock;
    private final Cache<String, CompletableFuture<Page>> pages;
    private final Cache<String, Page> lastGood;
    private final Duration staleIfError;
    private final AtomicLong generation = new AtomicLong();
    private final Counter hits;
    private final Counter misses;
    private final Counter stale;

    RenderedPages(CacheProperties properties, Clock clock, MeterRegistry registry) {
        PathPatternParser parser = new PathPatternParser();
        this.routes = ROUTES.stream().map(parser::parse).toList();
        this.period = properties.renderPeriod();
        this.clock = clock;
        this.pages = Caffeine.newBuilder()
                .maximumSize(properties.remembered())
                .expireAfterWrite(period.multipliedBy(2).plusSeconds(1))
                .build();
        this.staleIfError = properties.staleIfError().isNegative() ? Duration.ZERO : properties.staleIfError();
        this.lastGood = Caffeine.newBuilder()
                .maximumSize(staleIfError.isZero() ? 0 : properties.remembered())
                .expireAfterWrite(staleIfError.plusSeconds(1))
                .build();
        this.hits = registry.counter("keephope.pages.render.cache", "result", "hit");
        this.misses = registry.counter("keephope.pages.render.cache", "result", "miss");
        this.stale = registry.counter("keephope.pages.render.cache", "result", "stale");
    }

    boolean enabled() {
        return !period.isZero() && !period.isNegative();
    }

    /** The key of a request {@link PublicPageCache} found shareable, or null when this page is not kept. */
    String keyOf(HttpServletRequest request, Locale locale) {
        if (!enabled()) {
            return null;
        }
        if (!PublicPageCache.onRoutes(request, routes)) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        if (query != null
                && (query.length() > MAX_QUERY
                        || !PARAMETERS.containsAll(request.getParameterMap().keySet()))) {
            return null;
        }
        return path + "?" + (query == null ? "" : query) + "#" + locale.toLanguageTag();
    }

    /** Something changed on this node: copies rendered before it are stale (see the class comment). */
    void changed() {
        generation.incrementAndGet();
    }

    Lookup lookup(String key) throws IOException {
        CompletableFuture<Page> mine = new CompletableFuture<>();
        Instant now = clock.instant();
        long current = generation.get();
        boolean[] forced = {false};
        CompletableFuture<Page> flight = pages.asMap().compute(key, (k, old) -> {
            if (old == null) {
                return mine;
            }
            if (!old.isDone()) {
                return old;
            }
            Page page = old.getNow(null);
            if (page == null || !young(page, now)) {
                return mine;
            }
            if (page.generation() == current || page.forced()) {
                return old;
            }
            forced[0] = true;
            return mine;
        });
        if (flight == mine) {
            misses.increment();
            return new Render(key, mine, current, forced[0], now);
        }
        Page page = await(flight);
        if (page == null) {
            return new Alone();
        }
        hits.increment();
        return new Hit(page);
    }

    private boolean young(Page page, Instant now) {
        return Duration.between(page.rendered(), now).compareTo(period) < 0;
    }

    private static Page await(CompletableFuture<Page> flight) throws IOException {
        try {
            return flight.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a page being rendered", e);
        }
    }

    /** The renderer's page (null: it cannot be shared), for the readers waiting and those to come. */
    void done(Render render, Page page) {
        render.flight().complete(page);
        if (page == null) {
            pages.asMap().remove(render.key(), render.flight());
        } else {
            lastGood.put(render.key(), page);
        }
    }

    /** The last copy of this page rendered, for a reader whose rendering failed; null when there is none. */
    Page lastGood(String key) {
        Page page = lastGood.getIfPresent(key);
        if (page != null && Duration.between(page.rendered(), clock.instant()).compareTo(staleIfError) > 0) {
            page = null;
        }
        if (page != null) {
            stale.increment();
        }
        return page;
    }
}

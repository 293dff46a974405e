package org.keephope.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a shared cache (a reverse proxy, a CDN) and a browser may keep an anonymous reader's copy of a
 * public page, under {@code keephope.cache.*} ({@code KEEPHOPE_CACHE_*}).
 *
 * @param publicMaxAge {@code Cache-Control: public, max-age} of public pages read without a session or any
 *     cookie but the language's ({@code KEEPHOPE_CACHE_PUBLIC_MAX_AGE}); the counts on a page are at most this
 *     much older in a cache. {@code 0s}: every page {@code no-store}, as before
 * @param remembered most (path, query, language) copies whose ETag and time of change each node remembers
 *     for {@code Last-Modified}; one forgotten is dated afresh, which only costs a 200 instead of a 304
 * @param staticMaxAge {@code Cache-Control: public, max-age} of a stylesheet, script or image asked for by its
 *     plain name ({@code /css/site.css}); by its content-hashed name (what our pages link) it is a year,
 *     {@code immutable} ({@link StaticAssets})
 * @param renderPeriod how long this node serves a rendered public page from memory before rendering it again
 *     ({@link RenderedPages}); {@code 0s}: every request renders
 * @param staleIfError how long this node's last rendered copy of a kept page may stand in when rendering it
 *     again fails (the database away, a restart): the reader gets the older page instead of an error
 *     ({@code KEEPHOPE_CACHE_STALE_IF_ERROR}); {@code 0s}: never
 */
@ConfigurationProperties(prefix = "keephope.cache")
public record CacheProperties(
        @DefaultValue("2s") Duration publicMaxAge,
        @DefaultValue("10000") int remembered,
        @DefaultValue("10m") Duration staticMaxAge,
        @DefaultValue("1s") Duration renderPeriod,
        @DefaultValue("1h") Duration staleIfError) {

    public boolean enabled() {
        return publicMaxAge.toSeconds() > 0;
    }
}

package org.keephope.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Stylesheets, scripts and images under content-hashed names: Spring's resource chain with a content version
 * strategy ({@code /css/site.css} is also {@code /css/site-<md5>.css}), templates asking for the name through
 * {@link Ui#asset(String)} (the {@code ResourceUrlProvider}). An address with the hash answers {@link #IMMUTABLE}
 * (its bytes can never change: new bytes, new name); the plain name still answers, with the handler's short
 * cache ({@code keephope.cache.static-max-age}), for links outside our pages (a partner site's
 * {@code /embed/resize.js}, an image in a campaign's Markdown).
 *
 * <p>Hand-written only in this: Spring applies one {@code Cache-Control} to a whole handler; the resolver below
 * adds the year's {@code immutable} to a resource it found by its hashed name (a resource's own headers are set
 * after the handler's), so both kinds of address share one handler and one version strategy.
 */
final class StaticAssets {

    /** The {@code Cache-Control} of an address with the content hash in it. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** Where the assets are, and the addresses the chain versions. */
    static final String LOCATION = "classpath:/static/";

    static final String[] VERSIONED = {"/**"};

    private StaticAssets() {}

    static CacheControl plain(CacheProperties properties) {
        return CacheControl.maxAge(properties.staticMaxAge()).cachePublic();
    }

    /** The content strategy, adding {@link #IMMUTABLE} to what it resolved by a hashed name. */
    static final class HashedNames extends VersionResourceResolver {

        HashedNames() {
            addContentVersionStrategy(VERSIONED);
        }

        @Override
        protected Resource resolveResourceInternal(
                HttpServletRequest request,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            Resource resolved = super.resolveResourceInternal(request, requestPath, locations, chain);
            // the plain name is resolved as it is (a ClassPathResource); a hashed one comes back with its version's
            // ETag
            if (resolved instanceof HttpResource versioned) {
                return new Immutable(versioned);
            }
            return resolved;
        }
    }

    /** A resource found by its hashed name: its own headers (the ETag of its version) and a year's cache. */
    private static final class Immutable extends org.springframework.core.io.AbstractResource implements HttpResource {

        private final HttpResource resource;

        Immutable(HttpResource resource) {
            this.resource = resource;
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(resource.getResponseHeaders());
            headers.set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
            return headers;
        }

        @Override
        public String getDescription() {
            return resource.getDescription();
        }

        @Override
        public java.io.InputStream getInputStream() throws java.io.IOException {
            return resource.getInputStream();
        }

        @Override
        public boolean exists() {
            return resource.exists();
        }

        @Override
        public String getFilename() {
            return resource.getFilename();
        }

        @Override
        public long contentLength() throws java.io.IOException {
            return resource.contentLength();
        }

        @Override
        public long lastModified() throws java.io.IOException {
            return resource.lastModified();
        }

        @Override
        public java.net.URL getURL() throws java.io.IOException {
            return resource.getURL();
        }

        @Override
        public Resource createRelative(String relativePath) throws java.io.IOException {
            return resource.createRelative(relativePath);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Immutable i && i.resource.equals(resource);
        }

        @Override
        public int hashCode() {
            return resource.hashCode();
        }
    }
}

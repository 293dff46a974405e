package org.keephope.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The address a page links a static file by: its content-hashed name from Spring's resource chain
 * ({@link StaticAssets}), or the path as given when the chain does not know it.
 */
@Component
class AssetNames {

    private final ResourceUrlProvider urls;

    AssetNames(ResourceUrlProvider mvcResourceUrlProvider) {
        this.urls = mvcResourceUrlProvider;
    }

    String of(String path) {
        String hashed = urls.getForLookupPath(path);
        return hashed != null ? hashed : path;
    }
}

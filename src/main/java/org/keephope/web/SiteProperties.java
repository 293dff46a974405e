package org.keephope.web;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Site-wide settings.
 *
 * @param baseUrl the public address used in links that leave the page (feeds, sitemap, share links, mails);
 *     {@code KEEPHOPE_BASE_URL}
 */
@Validated
@ConfigurationProperties(prefix = "keephope")
public record SiteProperties(@NotBlank String baseUrl) {

    public SiteProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Readers reach the site over HTTPS (perhaps through a proxy that ends TLS): HSTS, {@code Secure} cookies. */
    public boolean isHttps() {
        return baseUrl.regionMatches(true, 0, "https://", 0, 8);
    }

    /** An absolute URL for a path of this site. */
    public String absolute(String path) {
        return baseUrl + path;
    }
}

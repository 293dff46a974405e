package org.keephope.web;

import java.util.List;

/**
 * A module's public POSTs that carry no CSRF token: forms for anyone (no session, no cookie), defended by the
 * origin check, rate limits and email confirmation instead, and APIs authorised by a key in a header, which a
 * forged cross-site request cannot send. Each module that has such routes contributes one bean;
 * {@link SecurityConfig} collects them, so the security chain names no other module's paths. Everything outside
 * {@code /admin/**} and {@code /partner/**} is open to anyone anyway; these are the routes that are also
 * exempt from the CSRF check.
 *
 * @param tokenlessPosts Ant-style path patterns, e.g. {@code /confirm/**}
 */
public record PublicRoutes(List<String> tokenlessPosts) {

    public PublicRoutes {
        tokenlessPosts = List.copyOf(tokenlessPosts);
    }

    public static PublicRoutes tokenlessPosts(String... patterns) {
        return new PublicRoutes(List.of(patterns));
    }
}

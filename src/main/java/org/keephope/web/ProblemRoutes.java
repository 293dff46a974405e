package org.keephope.web;

import java.util.List;

/**
 * Routes that answer JSON: an error on them (a 400 for a broken parameter, a 404, a 413) is an
 * {@code application/problem+json} body, not our HTML page, whoever refused the request (a handler, a filter
 * before any handler, the container). A module that serves JSON declares its routes as a bean of this type,
 * in Spring's path-pattern syntax; the web module declares {@code /api/**}.
 */
public record ProblemRoutes(List<String> patterns) {

    public ProblemRoutes(String... patterns) {
        this(List.of(patterns));
    }
}

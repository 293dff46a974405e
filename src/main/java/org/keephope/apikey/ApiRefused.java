package org.keephope.apikey;

import java.time.Duration;

/**
 * A request the guard refused: no key, a bad, expired or revoked one (401), a scope the key does not hold
 * (403), or too many requests (429, with how long to wait). The API answers it as
 * {@code application/problem+json}; the message is ours, never the client's input.
 */
public final class ApiRefused extends RuntimeException {

    private final int status;
    private final String title;
    private final Duration retryAfter;

    private ApiRefused(int status, String title, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    static ApiRefused noKey() {
        return new ApiRefused(
                401,
                "API key required",
                "Send an API key as 'Authorization: Bearer <key>' or 'OSDI-API-Token: <key>'.",
                null);
    }

    static ApiRefused badKey() {
        return new ApiRefused(401, "Invalid API key", "This API key is unknown, expired or revoked.", null);
    }

    static ApiRefused missingScope(ApiScope scope) {
        return new ApiRefused(
                403, "Scope not granted", "This API key does not hold the scope " + scope.scopeName() + ".", null);
    }

    static ApiRefused tooMany(Duration retryAfter) {
        return new ApiRefused(
                429, "Too many requests", "This API key has made too many requests; try again later.", retryAfter);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Whole seconds to wait, at least 1; null unless the status is 429. */
    public Long retryAfterSeconds() {
        if (retryAfter == null) {
            return null;
        }
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}

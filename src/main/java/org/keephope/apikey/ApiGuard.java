package org.keephope.apikey;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.keephope.web.ClientLimits;
import org.keephope.web.WindowCounter;
import org.springframework.stereotype.Component;

/**
 * The one place an API request's key is checked: which key it sent ({@code Authorization: Bearer …} or
 * {@code OSDI-API-Token: …}), whether that key is valid, whether it is within its rate limit, and whether it
 * holds the scope the route needs. Handlers ask it first and get the key, or an {@link ApiRefused} the API
 * answers as a problem. A partner key's organisation is on the key it returns
 * ({@link ApiKey#organisationId()}), for the handlers that filter by it.
 */
@Component
public class ApiGuard {

    static final String OSDI_HEADER = "OSDI-API-Token";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final ApiProperties properties;
    private final WindowCounter requests;

    ApiGuard(ApiKeys keys, ApiProperties properties, ClientLimits limits) {
        this.keys = keys;
        this.properties = properties;
        this.requests = limits.counter(Duration.ofMinutes(1));
    }

    /** The key of a route that needs {@code scope}: refused without one. */
    public ApiKey require(HttpServletRequest request, ApiScope scope) {
        String token = token(request).orElseThrow(ApiRefused::noKey);
        return check(token, scope);
    }

    /**
     * The key of a public route, if the request sent one: a public read needs none, but a key that is sent
     * is checked as on any route, so a client learns at once that its key is wrong, and is counted.
     */
    public Optional<ApiKey> optional(HttpServletRequest request, ApiScope scope) {
        return token(request).map(token -> check(token, scope));
    }

    private ApiKey check(String token, ApiScope scope) {
        ApiKey key = keys.recognise(token).orElseThrow(ApiRefused::badKey);
        String counted = "api-key:" + key.id();
        if (!requests.tryCount(counted, properties.requestsPerMinute())) {
            throw ApiRefused.tooMany(requests.untilReset(counted));
        }
        if (!key.allows(scope)) {
            throw ApiRefused.missingScope(scope);
        }
        return key;
    }

    /** The key sent, from either header; an {@code Authorization} of another scheme is no key. */
    static Optional<String> token(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.length() > BEARER.length()) {
            if (authorization
                    .substring(0, BEARER.length())
                    .toLowerCase(Locale.ROOT)
                    .equals(BEARER)) {
                return Optional.of(authorization.substring(BEARER.length()).strip());
            }
        }
        String osdi = request.getHeader(OSDI_HEADER);
        if (osdi != null && !osdi.isBlank()) {
            return Optional.of(osdi.strip());
        }
        return Optional.empty();
    }
}

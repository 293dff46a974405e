package org.keephope.signature;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Refuses cross-site POSTs to the public forms, which have no CSRF token since they need no session. */
public final class OriginGuard {

    private OriginGuard() {}

    public static void check(Signing signing, HttpServletRequest request) {
        String own = request.getScheme() + "://" + request.getHeader("Host");
        if (!signing.fromAllowedOrigin(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), own)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}

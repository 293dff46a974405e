package org.keephope.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.keephope.privacy.Fingerprints;
import org.keephope.web.SiteProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * A device cookie (OWASP's answer to lock-out by strangers): a browser where a member completed a sign-in —
 * or a password reset from the mailed link — keeps {@code <user id>.<issued>.<keyed MAC>}. The MAC covers the
 * account's security stamp, so a password change, a second-factor reset, disabling or "sign out everywhere"
 * makes every such cookie worthless. It grants nothing: it only lets that browser's attempts count apart
 * from everyone else's (see {@link SignInAttempts}). No address, no name; HttpOnly, SameSite=Strict.
 */
@Component
class DeviceCookies {

    private static final String PURPOSE = "staff.device-cookie";
    private static final int MAC_BYTES = 16;

    private final Fingerprints fingerprints;
    private final StaffRepository staff;
    private final AccountProperties properties;
    private final Clock clock;
    private final String name;
    private final boolean secure;

    DeviceCookies(
            Fingerprints fingerprints,
            StaffRepository staff,
            AccountProperties properties,
            SiteProperties site,
            Clock clock) {
        this.fingerprints = fingerprints;
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
        this.secure = SessionConfig.secureCookies(properties, site);
        this.name = secure ? "__Host-KEEPHOPE_DEVICE" : "KEEPHOPE_DEVICE";
    }

    /** Whether this request carries a valid device cookie of that account (at its current stamp). */
    boolean trusted(HttpServletRequest request, StaffRow user) {
        return value(request)
                .map(v -> v.split("\\.", 3))
                .filter(parts -> parts.length == 3 && parts[0].equals(Long.toString(user.id())))
                .filter(parts -> fresh(parts[1]))
                .filter(parts ->
                        MessageDigest.isEqual(mac(user.id(), user.securityStamp(), parts[1]), decode(parts[2])))
                .isPresent();
    }

    /** Gives this browser a device cookie for the member, at the account's stamp as it is now. */
    void issue(HttpServletResponse response, long userId) {
        staff.byId(userId).ifPresent(user -> {
            String issued = Long.toString(clock.instant().getEpochSecond());
            String value = user.id() + "." + issued + "."
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(mac(user.id(), user.securityStamp(), issued));
            ResponseCookie cookie = ResponseCookie.from(name, value)
                    .path("/")
                    .httpOnly(true)
                    .secure(secure)
                    .sameSite("Strict")
                    .maxAge(properties.deviceValidity())
                    .build();
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        });
    }

    private Optional<String> value(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> c.getName().equals(name)
                        && c.getValue() != null
                        && c.getValue().length() < 100)
                .map(Cookie::getValue)
                .findFirst();
    }

    private boolean fresh(String issued) {
        try {
            long at = Long.parseLong(issued);
            long now = clock.instant().getEpochSecond();
            return at <= now + 60 && now - at < properties.deviceValidity().toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private byte[] mac(long userId, long stamp, String issued) {
        return Fingerprints.truncate(fingerprints.of(PURPOSE, userId + "." + stamp + "." + issued), MAC_BYTES);
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}

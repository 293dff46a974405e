package org.keephope.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.keephope.privacy.Fingerprints;
import org.keephope.web.CacheProperties;
import org.springframework.stereotype.Component;

/**
 * The signed time a sign form was served: {@code <epoch seconds>.<MAC>}, the MAC over the time and the
 * campaign, so a stamp served with one campaign's page is no good on another's form. No session, no
 * cookie: any node can check it, since the MAC key is shared. A form sent too soon after it was served is
 * likely a bot.
 *
 * <p>Not per view: the time is the start of the current period of the rendered-page cache
 * ({@code keephope.cache.render-period}, a second), so a page is the same bytes for every reader in that period,
 * on every node. The price: the minimum fill time counts from the start of the period, not from the reader's own
 * view, so a form may be sent up to one period sooner after it reached its reader (see docs/SECURITY.md).
 */
@Component
class FormStamp {

    enum Verdict {
        OK,
        TOO_FAST,
        INVALID
    }

    private static final String PURPOSE = "sign-form-stamp";

    private final Fingerprints fingerprints;
    private final SigningProperties properties;
    private final Clock clock;
    private final long periodSeconds;

    FormStamp(Fingerprints fingerprints, SigningProperties properties, CacheProperties cache, Clock clock) {
        this.fingerprints = fingerprints;
        this.properties = properties;
        this.clock = clock;
        this.periodSeconds = Math.max(1, cache.renderPeriod().toSeconds());
    }

    /** The stamp of the current period: the same for every page of this campaign rendered in it. */
    String issue(long campaignId) {
        long now = clock.instant().getEpochSecond();
        String seconds = Long.toString(now - Math.floorMod(now, periodSeconds));
        return seconds + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tag(seconds, campaignId));
    }

    private byte[] tag(String seconds, long campaignId) {
        return Fingerprints.truncate(fingerprints.of(PURPOSE, seconds + ":" + campaignId), 16);
    }

    Verdict check(String stamp, long campaignId) {
        if (stamp == null || stamp.length() > 64 || stamp.indexOf('.') < 1) {
            return Verdict.INVALID;
        }
        String seconds = stamp.substring(0, stamp.indexOf('.'));
        byte[] tag;
        Instant issued;
        try {
            tag = Base64.getUrlDecoder().decode(stamp.substring(stamp.indexOf('.') + 1));
            issued = Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        if (!java.security.MessageDigest.isEqual(tag(seconds, campaignId), tag)) {
            return Verdict.INVALID;
        }
        Duration age = Duration.between(issued, clock.instant());
        if (age.isNegative() || age.compareTo(properties.formValidity()) > 0) {
            return Verdict.INVALID;
        }
        return age.compareTo(properties.minFillTime()) < 0 ? Verdict.TOO_FAST : Verdict.OK;
    }
}

package org.keephope.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.keephope.privacy.Fingerprints;
import org.springframework.stereotype.Component;

/**
 * The signed time a sign form was served: {@code <epoch seconds>.<MAC>}, the MAC over the time and the
 * campaign, so a stamp served with one campaign's page is no good on another's form. No session, no
 * cookie: any node can check it, since the MAC key is shared. A form sent too soon after it was served is
 * likely a bot.
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

    FormStamp(Fingerprints fingerprints, SigningProperties properties, Clock clock) {
        this.fingerprints = fingerprints;
        this.properties = properties;
        this.clock = clock;
    }

    String issue(long campaignId) {
        String seconds = Long.toString(clock.instant().getEpochSecond());
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

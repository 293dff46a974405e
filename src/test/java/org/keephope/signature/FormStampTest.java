package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keephope.privacy.TestFingerprints;

class FormStampTest {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    static final long CAMPAIGN = 7;

    static SigningProperties properties() {
        return new SigningProperties(
                Duration.ofDays(7),
                Duration.ofDays(30),
                Duration.ofDays(90),
                Duration.ofMinutes(10),
                Duration.ofSeconds(3),
                Duration.ofDays(1),
                30,
                5,
                List.of(),
                256,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                "2026-11");
    }

    FormStamp at(Instant instant, org.keephope.privacy.Fingerprints fingerprints) {
        return at(instant, fingerprints, Duration.ofSeconds(1));
    }

    FormStamp at(Instant instant, org.keephope.privacy.Fingerprints fingerprints, Duration period) {
        var cache = new org.keephope.web.CacheProperties(
                Duration.ofSeconds(2), 100, Duration.ofMinutes(10), period, Duration.ofHours(1));
        return new FormStamp(fingerprints, properties(), cache, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void everyPageOfAPeriodGetsTheSameStampDatedFromThePeriodsStart() throws Exception {
        var fingerprints = TestFingerprints.create();
        Duration period = Duration.ofSeconds(5);
        String first = at(T0, fingerprints, period).issue(CAMPAIGN);
        assertThat(at(T0.plusMillis(4_999), fingerprints, period).issue(CAMPAIGN))
                .isEqualTo(first);
        assertThat(at(T0.plusSeconds(5), fingerprints, period).issue(CAMPAIGN)).isNotEqualTo(first);
        // within one second (the default period) the stamp is the same for every view
        assertThat(at(T0.plusMillis(999), fingerprints).issue(CAMPAIGN))
                .isEqualTo(at(T0, fingerprints).issue(CAMPAIGN));
        // the minimum fill time (3 s) counts from the period's start: served at once, sent at once, held back ...
        String early = at(T0.plusSeconds(1), fingerprints, period).issue(CAMPAIGN);
        assertThat(at(T0.plusSeconds(2), fingerprints, period).check(early, CAMPAIGN))
                .isEqualTo(FormStamp.Verdict.TOO_FAST);
        // ... but a reader served late in the period gains what had passed of it (the documented trade-off)
        String late = at(T0.plusSeconds(4), fingerprints, period).issue(CAMPAIGN);
        assertThat(at(T0.plusSeconds(4), fingerprints, period).check(late, CAMPAIGN))
                .isEqualTo(FormStamp.Verdict.OK);
    }

    @Test
    void aFormSentTooSoonIsHeldBackThenAccepted() throws Exception {
        var fingerprints = TestFingerprints.create();
        String stamp = at(T0, fingerprints).issue(CAMPAIGN);
        assertThat(at(T0.plusSeconds(1), fingerprints).check(stamp, CAMPAIGN)).isEqualTo(FormStamp.Verdict.TOO_FAST);
        assertThat(at(T0.plusSeconds(3), fingerprints).check(stamp, CAMPAIGN)).isEqualTo(FormStamp.Verdict.OK);
        assertThat(at(T0.plus(Duration.ofHours(23)), fingerprints).check(stamp, CAMPAIGN))
                .isEqualTo(FormStamp.Verdict.OK);
    }

    @Test
    void staleForgedOrForeignStampsAreInvalid() throws Exception {
        var fingerprints = TestFingerprints.create();
        String stamp = at(T0, fingerprints).issue(CAMPAIGN);
        assertThat(at(T0.plus(Duration.ofDays(2)), fingerprints).check(stamp, CAMPAIGN))
                .isEqualTo(FormStamp.Verdict.INVALID);
        String forged = (T0.getEpochSecond() - 60) + stamp.substring(stamp.indexOf('.'));
        assertThat(at(T0, fingerprints).check(forged, CAMPAIGN)).isEqualTo(FormStamp.Verdict.INVALID);
        assertThat(at(T0.plusSeconds(5), TestFingerprints.create()).check(stamp, CAMPAIGN))
                .isEqualTo(FormStamp.Verdict.INVALID);
        for (String junk : new String[] {null, "", "abc", ".", "1.!!", "x".repeat(100)}) {
            assertThat(at(T0, fingerprints).check(junk, CAMPAIGN)).as(junk).isEqualTo(FormStamp.Verdict.INVALID);
        }
    }

    @Test
    void aStampServedWithOneCampaignIsInvalidOnAnother() throws Exception {
        var fingerprints = TestFingerprints.create();
        String stamp = at(T0, fingerprints).issue(CAMPAIGN);
        assertThat(at(T0.plusSeconds(5), fingerprints).check(stamp, CAMPAIGN)).isEqualTo(FormStamp.Verdict.OK);
        assertThat(at(T0.plusSeconds(5), fingerprints).check(stamp, CAMPAIGN + 1))
                .isEqualTo(FormStamp.Verdict.INVALID);
    }
}

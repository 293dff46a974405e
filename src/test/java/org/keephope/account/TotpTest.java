package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.keephope.support.MovableClock;

class TotpTest {

    static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesMatchTheRfc6238TestVectorsForSha1() {
        assertThat(Totp.code(RFC_SEED, 59 / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_SEED, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_SEED, 1111111111L / 30, 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_SEED, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_SEED, 2000000000L / 30, 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_SEED, 20000000000L / 30, 8)).isEqualTo("65353130");
    }

    @Test
    void codesMatchTheRfc6238TestVectorsForSha256AndSha512() {
        byte[] seed32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
        byte[] seed64 =
                "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(seed32, 59 / 30, 8, "HmacSHA256")).isEqualTo("46119246");
        assertThat(Totp.code(seed64, 59 / 30, 8, "HmacSHA512")).isEqualTo("90693936");
        assertThat(Totp.code(seed32, 20000000000L / 30, 8, "HmacSHA256")).isEqualTo("77737706");
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcValues() {
        assertThat(Totp.code(RFC_SEED, 1111111109L / 30, 6)).isEqualTo("081804");
    }

    @Test
    void aCodeIsAcceptedOneStepEarlyOrLateButNotTwo() {
        MovableClock clock = new MovableClock(Instant.ofEpochSecond(1111111109L));
        Totp totp = new Totp(clock);
        String code = Totp.code(RFC_SEED, 1111111109L / 30, 6);
        assertThat(totp.verify(RFC_SEED, code, null)).hasValue(1111111109L / 30);

        clock.now = clock.now.plusSeconds(30);
        assertThat(totp.verify(RFC_SEED, code, null)).as("one step late").isPresent();
        clock.now = clock.now.plusSeconds(30);
        assertThat(totp.verify(RFC_SEED, code, null)).as("two steps late").isEmpty();

        clock.now = Instant.ofEpochSecond(1111111109L).minusSeconds(30);
        assertThat(totp.verify(RFC_SEED, code, null)).as("one step early").isPresent();
        clock.now = clock.now.minusSeconds(30);
        assertThat(totp.verify(RFC_SEED, code, null)).as("two steps early").isEmpty();
    }

    @Test
    void aCodeOfAStepAlreadyUsedIsRefused() {
        MovableClock clock = new MovableClock(Instant.ofEpochSecond(1111111109L));
        Totp totp = new Totp(clock);
        long step = 1111111109L / 30;
        String code = Totp.code(RFC_SEED, step, 6);
        assertThat(totp.verify(RFC_SEED, code, step)).isEmpty();
        assertThat(totp.verify(RFC_SEED, code, step - 1)).hasValue(step);
        assertThat(totp.verify(RFC_SEED, Totp.code(RFC_SEED, step + 1, 6), step))
                .hasValue(step + 1);
    }

    @Test
    void malformedCodesAreRefused() {
        Totp totp = new Totp(new MovableClock(Instant.ofEpochSecond(59)));
        assertThat(totp.verify(RFC_SEED, null, null)).isEmpty();
        assertThat(totp.verify(RFC_SEED, "94287082", null)).isEmpty();
        assertThat(totp.verify(RFC_SEED, "28708", null)).isEmpty();
        assertThat(totp.verify(RFC_SEED, "abcdef", null)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.decode("mzxw6ytboi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        byte[] secret = Secrets.totpSecret();
        assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
    }

    @Test
    void theQrCodeIsAnSvgDataUri() {
        assertThat(QrCode.svgDataUri(Totp.uri("KeepHope", "a@example.org", "MZXW6YTBOI")))
                .startsWith("data:image/svg+xml;base64,");
    }
}

package org.keephope.account;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Time-based one-time passwords (RFC 6238): HMAC-SHA1, 30-second steps, 6 digits, one step of drift either way.
 * The time comes from the injected clock, so tests can move it.
 */
@Component
class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;

    private final Clock clock;

    Totp(Clock clock) {
        this.clock = clock;
    }

    long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), STEP_SECONDS);
    }

    /**
     * The step the code belongs to, if it is right for the current step or one next to it and later than
     * {@code lastUsedStep} (so a code, once accepted, is never accepted again).
     */
    OptionalLong verify(byte[] secret, String code, Long lastUsedStep) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long now = currentStep();
        OptionalLong match = OptionalLong.empty();
        for (long step = now - 1; step <= now + 1; step++) {
            boolean same = MessageDigest.isEqual(
                    code(secret, step, DIGITS).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    code.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            if (same && match.isEmpty() && (lastUsedStep == null || step > lastUsedStep)) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }

    /** The code of a step (RFC 4226 dynamic truncation). */
    static String code(byte[] secret, long step, int digits) {
        return code(secret, step, digits, "HmacSHA1");
    }

    static String code(byte[] secret, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The otpauth URI authenticator apps read from the QR code. */
    static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}

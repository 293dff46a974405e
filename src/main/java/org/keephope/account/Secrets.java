package org.keephope.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Random tokens and codes, and the SHA-256 under which they are stored (never the token itself). */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    static final int RECOVERY_CODES = 10;

    private Secrets() {}

    /** 256 random bits, URL-safe. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** 160 random bits, the size RFC 4226 recommends for an HMAC-SHA1 key. */
    static byte[] totpSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Ten codes of 80 random bits each, shown as {@code XXXX-XXXX-XXXX-XXXX} (base32). */
    static List<String> recoveryCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[10];
            RANDOM.nextBytes(bytes);
            String plain = Base32.encode(bytes);
            codes.add(String.join(
                    "-",
                    plain.substring(0, 4),
                    plain.substring(4, 8),
                    plain.substring(8, 12),
                    plain.substring(12, 16)));
        }
        return codes;
    }

    /** A recovery code as typed: case, spaces and dashes do not matter. */
    static String normaliseRecoveryCode(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.keephope.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.keephope.support.Tokens;

/** TOTP secrets and recovery codes; a code is stored as its SHA-256, never in clear. */
final class Secrets {

    static final int RECOVERY_CODES = 10;

    private Secrets() {}

    /** 160 random bits, the size RFC 4226 recommends for an HMAC-SHA1 key. */
    static byte[] totpSecret() {
        return Tokens.bytes(20);
    }

    /** Ten codes of 80 random bits each, shown as {@code XXXX-XXXX-XXXX-XXXX} (base32). */
    static List<String> recoveryCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String plain = Base32.encode(Tokens.bytes(10));
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
}

package org.keephope.support;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets: links' tokens, keys, salts. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** 256 random bits, base64url without padding (43 characters): fit for a URL path or a header. */
    public static String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

package org.keephope.account;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff passwords: Argon2id with 46 MiB of memory, one iteration, one lane (OWASP / ASVS minimum), 12 to 128
 * characters, no other composition rules.
 */
@Component
class Passwords {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 47104, 1);

    /** Compared against when the account does not exist, so the answer takes as long as for one that does. */
    private final String dummyHash = encoder.encode("not a real password, only for timing");

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        if (password == null || password.length() > MAX_LENGTH) {
            encoder.matches("x", dummyHash);
            return false;
        }
        if (hash == null) {
            encoder.matches(password, dummyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** A message key if the new password is not acceptable, else null. */
    static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "account.error.password.short";
        }
        if (password.length() > MAX_LENGTH) {
            return "account.error.password.long";
        }
        return null;
    }
}

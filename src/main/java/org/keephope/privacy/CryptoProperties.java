package org.keephope.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for personal data. In production both keysets are given (Tink JSON keysets, e.g. from a secret
 * store); in demo mode, or when asked for, development keys are generated into {@code keyDirectory} with a loud
 * warning. That directory is not the database folder ({@code ./data}), so a copy of the database does not
 * carry its key.
 *
 * @param aeadKeyset Tink AEAD keyset (JSON) that encrypts emails and names; {@code KEEPHOPE_CRYPTO_AEAD_KEYSET}
 * @param macKeyset Tink MAC keyset (JSON) for look-up keys of emails; {@code KEEPHOPE_CRYPTO_MAC_KEYSET}
 * @param keyDirectory where development keys are generated; {@code KEEPHOPE_CRYPTO_KEY_DIRECTORY}
 * @param generateMissingKeys generate missing keys on PostgreSQL and outside demo mode too (tests only);
 *     {@code KEEPHOPE_CRYPTO_GENERATE_MISSING_KEYS}
 */
@ConfigurationProperties(prefix = "keephope.crypto")
public record CryptoProperties(
        String aeadKeyset,
        String macKeyset,

        @DefaultValue(CryptoProperties.DEFAULT_KEY_DIRECTORY)
        String keyDirectory,

        @DefaultValue("false") boolean generateMissingKeys) {

    /** Beside the application, not inside the database folder {@code ./data}. */
    public static final String DEFAULT_KEY_DIRECTORY = "./keys";
}

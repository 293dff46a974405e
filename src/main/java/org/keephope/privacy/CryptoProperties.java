package org.keephope.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for personal data. In production both keysets are given (Tink JSON keysets, e.g. from a secret
 * store); in development they are generated into {@code keyDirectory} with a loud warning.
 *
 * @param aeadKeyset Tink AEAD keyset (JSON) that encrypts emails and names; {@code KEEPHOPE_CRYPTO_AEAD_KEYSET}
 * @param macKeyset Tink MAC keyset (JSON) for look-up keys of emails; {@code KEEPHOPE_CRYPTO_MAC_KEYSET}
 * @param keyDirectory where development keys are generated; {@code KEEPHOPE_CRYPTO_KEY_DIRECTORY}
 * @param generateMissingKeys generate missing keys even on PostgreSQL (tests, demos only);
 *     {@code KEEPHOPE_CRYPTO_GENERATE_MISSING_KEYS}
 */
@ConfigurationProperties(prefix = "keephope.crypto")
public record CryptoProperties(
        String aeadKeyset,
        String macKeyset,
        @DefaultValue("./data/keys") String keyDirectory,
        @DefaultValue("false") boolean generateMissingKeys) {}

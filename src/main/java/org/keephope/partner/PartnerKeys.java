package org.keephope.partner;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkePrivateKey;
import com.google.crypto.tink.hybrid.HpkePublicKey;
import com.google.crypto.tink.hybrid.HybridConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Partners' keys: Tink HPKE (RFC 9180; DHKEM X25519, HKDF-SHA256, AES-256-GCM). The partner makes a keyset
 * with {@code java -jar keephope.jar partner-key keygen}, keeps the private part and gives KeepHope the public
 * part; what is sealed to it only the private part opens. The associated context binds a sealed record to its
 * signature and partner, so a row copied onto another signature does not open.
 */
public final class PartnerKeys {

    /** Tink's name for the parameters. */
    static final String TEMPLATE = "DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM";

    static {
        try {
            HybridConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PartnerKeys() {}

    /** A new private keyset (JSON, with its secret). */
    static KeysetHandle generate() throws GeneralSecurityException {
        return KeysetHandle.generateNew(KeyTemplates.get(TEMPLATE));
    }

    static String privateJson(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    static String publicJson(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(handle.getPublicKeysetHandle());
    }

    /**
     * Checks a public keyset as a partner pasted it: JSON, no secret, every key an HPKE public key.
     *
     * @throws IllegalArgumentException with a message key when it is not
     */
    static String checkedPublic(String json) {
        if (json == null || json.isBlank() || json.length() > 4000) {
            throw new IllegalArgumentException("partner.key.error.invalid");
        }
        if (json.contains("ASYMMETRIC_PRIVATE")) {
            throw new IllegalArgumentException("partner.key.error.private");
        }
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(json.strip());
            for (int i = 0; i < handle.size(); i++) {
                if (!(handle.getAt(i).getKey() instanceof HpkePublicKey)) {
                    throw new IllegalArgumentException("partner.key.error.notHpke");
                }
            }
            handle.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
            return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(handle);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith("partner.key.")) {
                throw iae;
            }
            throw new IllegalArgumentException("partner.key.error.invalid");
        }
    }

    static HybridEncrypt encrypter(String publicJson) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicJson)
                    .getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored partner key does not load", e);
        }
    }

    /** A private keyset as {@code partner-key new} printed it; every key an HPKE private key. */
    static KeysetHandle parsePrivate(String json) throws GeneralSecurityException {
        KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json.strip(), InsecureSecretKeyAccess.get());
        for (int i = 0; i < handle.size(); i++) {
            if (!(handle.getAt(i).getKey() instanceof HpkePrivateKey)) {
                throw new GeneralSecurityException("not an HPKE private key");
            }
        }
        return handle;
    }

    static HybridDecrypt decrypter(KeysetHandle privateKeyset) throws GeneralSecurityException {
        return privateKeyset.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
    }

    /** The associated data of a partner's copy: its signature and its partner. */
    static byte[] context(UUID signatureId, long organisationId) {
        return ("keephope.partner-supporter:" + signatureId + ":" + organisationId).getBytes(StandardCharsets.UTF_8);
    }
}

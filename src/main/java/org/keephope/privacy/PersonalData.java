package org.keephope.privacy;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (Tink AEAD, AES-256-GCM). The context (e.g. "signature.email") is bound
 * as associated data, so a ciphertext moved to another column does not decrypt.
 */
@Component
public class PersonalData {

    private final Aead aead;

    PersonalData(Aead personalDataAead) {
        this.aead = personalDataAead;
    }

    public byte[] encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] encrypt(byte[] plaintext, String context) {
        try {
            return aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] decryptBytes(byte[] ciphertext, String context) {
        try {
            return aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or tampered data", e);
        }
    }

    public String decrypt(byte[] ciphertext, String context) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return new String(
                    aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or tampered data", e);
        }
    }
}

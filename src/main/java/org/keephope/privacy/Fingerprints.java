package org.keephope.privacy;

import com.google.crypto.tink.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Keyed MACs: look-up keys for personal data (find a signature by its email without storing the email in
 * clear) and signatures on values the server hands out and takes back (form timestamps). The purpose is
 * part of the input, so a MAC made for one purpose is worthless for another.
 */
@Component
public class Fingerprints {

    private final Mac mac;

    Fingerprints(Mac lookupMac) {
        this.mac = lookupMac;
    }

    public byte[] of(String purpose, String value) {
        try {
            return mac.computeMac((purpose + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String purpose, String value, byte[] tag) {
        return tag != null && MessageDigest.isEqual(of(purpose, value), tag);
    }

    public static byte[] truncate(byte[] value, int length) {
        return Arrays.copyOf(value, Math.min(length, value.length));
    }
}

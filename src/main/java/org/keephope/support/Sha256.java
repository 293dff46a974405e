package org.keephope.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every JDK has: the checked exception for a missing algorithm cannot happen. */
public final class Sha256 {

    private Sha256() {}

    /** A fresh digest, for hashing in parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] of(byte[] data) {
        return digest().digest(data);
    }

    /** Of the text's UTF-8 bytes: how a random token is stored, so a database leak confirms nothing. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** In lower-case hex, as {@code sha256sum} prints it. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(of(data));
    }
}

package org.keephope.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.keephope.support.Sha256;

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys, on the JDK's own Ed25519 (JDK 15+): a note is
 * its text, a blank line and signature lines {@code — <name> <base64(key id ‖ signature)>}. The key id is
 * the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key); the verifier key, which the campaign page
 * shows, is {@code <name>+<key id in hex>+<base64(0x01 ‖ public key)>}. Formats as golang.org/x/mod/sumdb/note,
 * whose test vectors {@code SignedNoteTest} reproduces.
 */
final class SignedNote {

    static final byte ED25519 = 0x01;
    static final String DASH = "\u2014 ";

    /** The DER prefix of an X.509 Ed25519 public key (RFC 8410), before the 32 raw bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private SignedNote() {}

    record Keys(byte[] seed, byte[] publicKey) {}

    static Keys generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] seed = ((java.security.interfaces.EdECPrivateKey) pair.getPrivate())
                    .getBytes()
                    .orElseThrow();
            return new Keys(seed, rawPublicKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no Ed25519 in this JDK", e);
        }
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicKey publicKey(byte[] raw) {
        try {
            byte[] der = new byte[X509_PREFIX.length + raw.length];
            System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
            System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static int keyId(String name, byte[] publicKey) {
        byte[] name8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[name8.length + 2 + publicKey.length];
        System.arraycopy(name8, 0, input, 0, name8.length);
        input[name8.length] = '\n';
        input[name8.length + 1] = ED25519;
        System.arraycopy(publicKey, 0, input, name8.length + 2, publicKey.length);
        return ByteBuffer.wrap(Sha256.of(input)).getInt();
    }

    static String verifierKey(String name, byte[] publicKey) {
        byte[] typed = new byte[publicKey.length + 1];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + String.format("%08x", keyId(name, publicKey)) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    /** The note: {@code text} (which ends with a newline), a blank line, one signature line. */
    static String sign(String text, String name, PrivateKey key, byte[] publicKey) {
        if (!text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("a note's text ends with one newline and has no blank line");
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] sig = signature.sign();
            ByteBuffer line = ByteBuffer.allocate(4 + sig.length)
                    .putInt(keyId(name, publicKey))
                    .put(sig);
            return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(line.array()) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A parsed verifier key, or an exception saying what is wrong with it. */
    record Verifier(String name, int keyId, byte[] publicKey) {

        static Verifier parse(String verifierKey) {
            String[] parts = verifierKey.trim().split("\\+", 3);
            if (parts.length != 3 || parts[0].isEmpty() || !parts[1].matches("[0-9a-f]{8}")) {
                throw new IllegalArgumentException("not a verifier key: name+keyid+key");
            }
            byte[] typed;
            try {
                typed = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the key is not base64");
            }
            if (typed.length != 33 || typed[0] != ED25519) {
                throw new IllegalArgumentException("not an Ed25519 key");
            }
            byte[] key = Arrays.copyOfRange(typed, 1, 33);
            int id = (int) Long.parseLong(parts[1], 16);
            if (id != SignedNote.keyId(parts[0], key)) {
                throw new IllegalArgumentException("the key id does not match the key");
            }
            return new Verifier(parts[0], id, key);
        }
    }

    /** The text of a note if a signature line of {@code verifier} checks; an exception with the reason if not. */
    static String open(String note, Verifier verifier) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        for (String line : lines) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("not a signed note: a signature line must start with \u2014");
            }
            String[] fields = line.substring(DASH.length()).split(" ", -1);
            if (fields.length != 2 || !fields[0].equals(verifier.name())) {
                continue;
            }
            byte[] sig;
            try {
                sig = Base64.getDecoder().decode(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a signature is not base64");
            }
            if (sig.length != 68 || ByteBuffer.wrap(sig).getInt() != verifier.keyId()) {
                continue;
            }
            try {
                Signature check = Signature.getInstance("Ed25519");
                check.initVerify(publicKey(verifier.publicKey()));
                check.update(text.getBytes(StandardCharsets.UTF_8));
                if (check.verify(Arrays.copyOfRange(sig, 4, 68))) {
                    return text;
                }
                throw new IllegalArgumentException("the signature of " + verifier.name() + " does not match the text");
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the signature cannot be checked");
            }
        }
        throw new IllegalArgumentException(
                "no signature by " + verifier.name() + "+" + String.format("%08x", verifier.keyId()));
    }
}

package org.keephope.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.keephope.support.Sha256;

/**
 * What an entry (a leaf's data) is. An <b>addition</b> is {@code 0x01 ‖ commitment}, the commitment being
 * SHA-256("keephope-signature/v1" ‖ 0x0A ‖ origin ‖ 0x0A ‖ country ‖ 0x0A ‖ salt) over a random 32-byte salt
 * that only the signer's receipt carries: it reveals neither who signed nor, without the salt, from where. A
 * <b>withdrawal</b> is {@code 0x02 ‖ index} (8 bytes, big-endian), the index of the addition it withdraws.
 */
final class LogEntries {

    static final byte ADDITION = 0x01;
    static final byte WITHDRAWAL = 0x02;
    static final int SALT_SIZE = 32;

    private LogEntries() {}

    static byte[] commitment(String origin, String country, byte[] salt) {
        byte[] prefix = ("keephope-signature/v1\n" + origin + "\n" + country + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[prefix.length + salt.length];
        System.arraycopy(prefix, 0, input, 0, prefix.length);
        System.arraycopy(salt, 0, input, prefix.length, salt.length);
        return Sha256.of(input);
    }

    static byte[] addition(byte[] commitment) {
        return ByteBuffer.allocate(1 + commitment.length)
                .put(ADDITION)
                .put(commitment)
                .array();
    }

    static byte[] withdrawal(long index) {
        return ByteBuffer.allocate(9).put(WITHDRAWAL).putLong(index).array();
    }

    /** The index a withdrawal withdraws, or -1 when the entry is not a withdrawal. */
    static long withdrawn(byte[] entry) {
        return entry.length == 9 && entry[0] == WITHDRAWAL
                ? ByteBuffer.wrap(entry, 1, 8).getLong()
                : -1;
    }
}

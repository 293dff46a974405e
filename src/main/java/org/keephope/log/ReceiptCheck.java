package org.keephope.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checks a signer's receipt (as {@link LogReceipts#text} writes it) against one campaign's log: the signed head
 * it carries is signed with the campaign's key, the entry it commits to is in that head (RFC 9162 inclusion
 * proof), the log as it is now still holds that head (its root at that size is the same), and no withdrawal of
 * the entry was appended since. The same steps as {@code verifier/KeepHopeLogVerifier.java}, which shares no code
 * with this class on purpose: the page is a convenience, the verifier is the check that needs no trust in us.
 */
public final class ReceiptCheck {

    /** Receipts are a few kilobytes (a proof of at most 64 hashes); anything much larger is not one. */
    static final int MAX_LENGTH = 16 * 1024;

    /** What the check needs from the log as it is now. */
    interface Log {
        String logUrl();

        String origin();

        SignedNote.Verifier verifier();

        long size();

        /** The root hash of the tree at an earlier size, from the stored nodes. */
        byte[] rootAt(long size);

        /** Whether the log holds this entry (a withdrawal). */
        boolean holds(byte[] entry);
    }

    /**
     * The answer: {@code valid} with the entry's index and the sizes, or not valid with a reason key (a message
     * key under {@code log.verify.reason.}) and an argument for it.
     */
    public record Result(boolean valid, String reason, String detail, long index, long receiptSize, long logSize) {

        static Result invalid(String reason, String detail) {
            return new Result(false, reason, detail, -1, -1, -1);
        }
    }

    private ReceiptCheck() {}

    static Result check(String receipt, Log log) {
        if (receipt == null || receipt.isBlank()) {
            return Result.invalid("empty", "");
        }
        if (receipt.length() > MAX_LENGTH) {
            return Result.invalid("tooLong", "");
        }
        String text = receipt.replace("\r\n", "\n").strip() + "\n";
        String[] parts = text.split("\n\n", 3);
        if (parts.length != 3) {
            return Result.invalid("format", "three parts separated by blank lines");
        }
        String[] head = parts[0].split("\n");
        if (head.length != 4 || !head[0].equals(LogReceipts.HEADER)) {
            return Result.invalid("format", LogReceipts.HEADER);
        }
        String logUrl = field(head[1], "log");
        String country = field(head[2], "country");
        String salt64 = field(head[3], "salt");
        if (logUrl == null || country == null || salt64 == null) {
            return Result.invalid("format", "log, country, salt");
        }
        if (!logUrl.equals(log.logUrl())) {
            return Result.invalid("otherLog", logUrl);
        }
        byte[] salt = base64(salt64);
        if (salt == null || salt.length != LogEntries.SALT_SIZE || !country.matches("[A-Z]{2}")) {
            return Result.invalid("format", "salt, country");
        }
        String[] proofLines = parts[1].split("\n");
        if (proofLines.length < 2 || !proofLines[0].equals(LogReceipts.PROOF_HEADER)) {
            return Result.invalid("format", LogReceipts.PROOF_HEADER);
        }
        String indexText = field(proofLines[1], "index");
        long index;
        try {
            index = Long.parseLong(indexText == null ? "" : indexText);
        } catch (NumberFormatException e) {
            return Result.invalid("format", "index");
        }
        if (index < 0 || proofLines.length - 2 > 64) {
            return Result.invalid("format", "index");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 2; i < proofLines.length; i++) {
            byte[] hash = base64(proofLines[i]);
            if (hash == null || hash.length != 32) {
                return Result.invalid("format", "proof");
            }
            proof.add(hash);
        }

        String checkpointText;
        try {
            checkpointText = SignedNote.open(parts[2], log.verifier());
        } catch (IllegalArgumentException e) {
            return Result.invalid("signature", e.getMessage());
        }
        String[] checkpoint = checkpointText.split("\n");
        long size;
        byte[] root;
        try {
            size = Long.parseLong(checkpoint[1]);
            root = Base64.getDecoder().decode(checkpoint[2]);
        } catch (RuntimeException e) {
            return Result.invalid("format", "checkpoint");
        }
        if (!checkpoint[0].equals(log.origin()) || root.length != 32 || size <= index) {
            return Result.invalid("format", "checkpoint");
        }

        byte[] entry = LogEntries.addition(LogEntries.commitment(log.origin(), country, salt));
        if (!Merkle.verifyInclusion(index, size, Merkle.leafHash(entry), proof, root)) {
            return Result.invalid("notIncluded", Long.toString(index));
        }
        if (size > log.size() || !Merkle.same(log.rootAt(size), root)) {
            // a head signed with our key that the log no longer holds: the worst news, said plainly
            return Result.invalid("inconsistent", Long.toString(size));
        }
        if (log.holds(LogEntries.withdrawal(index))) {
            return new Result(false, "withdrawn", Long.toString(index), index, size, log.size());
        }
        return new Result(true, "", "", index, size, log.size());
    }

    private static String field(String line, String name) {
        return line.startsWith(name + " ") ? line.substring(name.length() + 1) : null;
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package org.keephope.log;

import java.util.Base64;

/** The C2SP tlog-checkpoint note text: origin, tree size, base64 root hash, each on its own line. */
final class Checkpoints {

    private Checkpoints() {}

    static String text(String origin, long size, byte[] root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    record Parsed(String origin, long size, byte[] root) {}

    /** The three lines of a checkpoint's text; an exception saying what is wrong otherwise. */
    static Parsed parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash, one per line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the checkpoint's size is not a number");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint's root hash is not base64");
        }
        if (root.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("the checkpoint's root hash is not 32 bytes");
        }
        return new Parsed(lines[0], Long.parseLong(lines[1]), root);
    }
}

package org.keephope.log;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.keephope.support.Sha256;

/**
 * The Merkle tree hash of RFC 9162 (section 2.1): leaf {@code SHA-256(0x00 ‖ data)}, node
 * {@code SHA-256(0x01 ‖ left ‖ right)}, with inclusion and consistency proofs and their verification. The
 * tree is read through {@link Nodes}: the hashes of its perfect subtrees, which never change once the leaves
 * below them exist, so they can be stored once and served as tiles. Written here rather than taken from a
 * library because no maintained Java library on Maven Central implements RFC 9162 with tlog-tiles
 * (see docs/ARCHITECTURE.md, <i>The signature log</i>).
 */
final class Merkle {

    static final int HASH_SIZE = 32;

    /** The root of the empty tree: SHA-256 of nothing. */
    static final byte[] EMPTY_ROOT = Sha256.of(new byte[0]);

    /** The hashes of perfect subtrees: {@code node(level, index)} covers leaves [index·2^level, (index+1)·2^level). */
    interface Nodes {
        byte[] node(int level, long index);
    }

    private Merkle() {}

    static byte[] leafHash(byte[] data) {
        MessageDigest digest = Sha256.digest();
        digest.update((byte) 0);
        digest.update(data);
        return digest.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.digest();
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The root of the first {@code size} leaves. */
    static byte[] root(Nodes nodes, long size) {
        return size == 0 ? EMPTY_ROOT.clone() : subtree(nodes, 0, size);
    }

    /** MTH(D[start:end]) for a range that starts where RFC 9162's recursion puts it. */
    static byte[] subtree(Nodes nodes, long start, long end) {
        long n = end - start;
        if (n <= 0) {
            throw new IllegalArgumentException("empty range");
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return nodes.node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(subtree(nodes, start, start + k), subtree(nodes, start + k, end));
    }

    /** PATH(m, D[n]) of RFC 9162 2.1.3.1: the siblings from the leaf up. */
    static List<byte[]> inclusionProof(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(nodes, index, 0, size, proof);
        return proof;
    }

    private static void path(Nodes nodes, long m, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(nodes, m, start, start + k, proof);
            proof.add(subtree(nodes, start + k, end));
        } else {
            path(nodes, m - k, start + k, end, proof);
            proof.add(subtree(nodes, start, start + k));
        }
    }

    /** PROOF(m, D[n]) of RFC 9162 2.1.4.1; empty when m is 0 or equals n. */
    static List<byte[]> consistencyProof(Nodes nodes, long m, long n) {
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(nodes, m, 0, n, true, proof);
        }
        return proof;
    }

    private static void subproof(Nodes nodes, long m, long start, long end, boolean whole, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(subtree(nodes, start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(nodes, m, start, start + k, whole, proof);
            proof.add(subtree(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, proof);
            proof.add(subtree(nodes, start, start + k));
        }
    }

    /** RFC 9162 2.1.3.2: the root an inclusion proof leads to, or null when it cannot be a proof for that place. */
    static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size || leafHash.length != HASH_SIZE) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || p.length != HASH_SIZE) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusion(index, size, leafHash, proof);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    /** RFC 9162 2.1.4.2: whether the tree of size {@code first} is a prefix of that of size {@code second}. */
    static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || second < first) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        for (byte[] p : proof) {
            if (p.length != HASH_SIZE) {
                return false;
            }
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}

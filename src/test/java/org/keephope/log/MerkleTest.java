package org.keephope.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 hashing and proofs against the Certificate Transparency test vectors (as published with
 * transparency-dev/merkle: testonly/constants.go and proof/verify_test.go), and against RFC 9162's
 * definitions for every tree up to 70 leaves.
 */
class MerkleTest {

    static final HexFormat HEX = HexFormat.of();

    static final String[] LEAVES = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
    };

    static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    };

    static MemoryTree vectorTree() {
        MemoryTree tree = new MemoryTree();
        for (String leaf : LEAVES) {
            tree.add(HEX.parseHex(leaf));
        }
        return tree;
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    static List<byte[]> bytes(String... hex) {
        List<byte[]> out = new ArrayList<>();
        for (String h : hex) {
            out.add(HEX.parseHex(h));
        }
        return out;
    }

    @Test
    void rootsOfEverySizeMatchTheCtVectors() {
        MemoryTree tree = vectorTree();
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(Merkle.root(tree, size)))
                    .as("size " + size)
                    .isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void inclusionProofsMatchTheCtVectorsAndVerify() {
        MemoryTree tree = vectorTree();
        // (leaf index counted from 0, tree size, proof)
        check(
                tree,
                0,
                8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        check(
                tree,
                5,
                8,
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        check(tree, 2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        check(
                tree,
                1,
                5,
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        check(tree, 0, 1);
    }

    private static void check(MemoryTree tree, long index, long size, String... expected) {
        List<byte[]> proof = Merkle.inclusionProof(tree, index, size);
        assertThat(hex(proof)).as("PATH(%d, D[%d])", index, size).containsExactly(expected);
        byte[] root = HEX.parseHex(ROOTS[(int) size]);
        byte[] leaf = tree.leaves.get((int) index);
        assertThat(Merkle.verifyInclusion(index, size, leaf, proof, root)).isTrue();
        // a proof is for one place in one tree: anything else is refused
        assertThat(Merkle.verifyInclusion(index + 1, size, leaf, proof, root)).isFalse();
        assertThat(Merkle.verifyInclusion(index, size * 2, leaf, proof, root)).isFalse();
        assertThat(Merkle.verifyInclusion(index, size, Merkle.leafHash(new byte[] {9}), proof, root))
                .isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> changed = new ArrayList<>(proof);
            byte[] bad = changed.get(i).clone();
            bad[0] ^= 8;
            changed.set(i, bad);
            assertThat(Merkle.verifyInclusion(index, size, leaf, changed, root)).isFalse();
        }
        if (!proof.isEmpty()) {
            assertThat(Merkle.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root))
                    .isFalse();
            List<byte[]> longer = new ArrayList<>(proof);
            longer.add(root);
            assertThat(Merkle.verifyInclusion(index, size, leaf, longer, root)).isFalse();
        }
    }

    @Test
    void consistencyProofsMatchTheCtVectorsAndVerify() {
        MemoryTree tree = vectorTree();
        consistent(
                tree,
                1,
                8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        consistent(
                tree,
                6,
                8,
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        consistent(
                tree,
                2,
                5,
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        consistent(
                tree,
                6,
                7,
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        consistent(tree, 1, 1);
    }

    private static void consistent(MemoryTree tree, long first, long second, String... expected) {
        List<byte[]> proof = Merkle.consistencyProof(tree, first, second);
        assertThat(hex(proof)).as("PROOF(%d, D[%d])", first, second).containsExactly(expected);
        byte[] r1 = HEX.parseHex(ROOTS[(int) first]);
        byte[] r2 = HEX.parseHex(ROOTS[(int) second]);
        assertThat(Merkle.verifyConsistency(first, second, r1, r2, proof)).isTrue();
        if (!proof.isEmpty()) {
            assertThat(Merkle.verifyConsistency(first, second, r2, r1, proof))
                    .as("swapped roots")
                    .isFalse();
            assertThat(Merkle.verifyConsistency(first + 1, second, r1, r2, proof))
                    .isFalse();
            assertThat(Merkle.verifyConsistency(first, second, r1, r2, proof.subList(0, proof.size() - 1)))
                    .isFalse();
            assertThat(Merkle.verifyConsistency(first, second, r1, r2, List.of()))
                    .isFalse();
        }
    }

    @Test
    void everyProofOfEveryTreeUpTo70LeavesVerifiesAndADifferentLeafOrOrderDoesNot() {
        Random random = new Random(42);
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < 70; i++) {
            byte[] data = new byte[1 + random.nextInt(40)];
            random.nextBytes(data);
            tree.add(data);
        }
        for (int size = 1; size <= 70; size++) {
            byte[] root = Merkle.root(tree, size);
            assertThat(root).isEqualTo(MemoryTree.referenceRoot(tree.leaves.subList(0, size)));
            for (int index = 0; index < size; index++) {
                var proof = Merkle.inclusionProof(tree, index, size);
                assertThat(Merkle.verifyInclusion(index, size, tree.leaves.get(index), proof, root))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
            }
            for (int first = 0; first <= size; first++) {
                var proof = Merkle.consistencyProof(tree, first, size);
                assertThat(Merkle.verifyConsistency(first, size, Merkle.root(tree, first), root, proof))
                        .as("%d to %d", first, size)
                        .isTrue();
            }
        }
        // a reordered pair gives another root
        List<byte[]> swapped = new ArrayList<>(tree.leaves.subList(0, 10));
        java.util.Collections.swap(swapped, 3, 4);
        assertThat(MemoryTree.referenceRoot(swapped)).isNotEqualTo(Merkle.root(tree, 10));
    }

    @Test
    void leafAndNodeHashesAreDomainSeparated() {
        byte[] a = Merkle.leafHash(new byte[0]);
        assertThat(HEX.formatHex(a)).isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        byte[] joined = new byte[64];
        assertThat(Merkle.leafHash(joined)).isNotEqualTo(Merkle.nodeHash(new byte[32], new byte[32]));
    }
}

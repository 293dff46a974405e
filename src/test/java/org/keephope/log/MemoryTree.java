package org.keephope.log;

import java.util.ArrayList;
import java.util.List;

/** A tree held in memory for tests: leaf hashes, perfect subtrees computed on demand. */
final class MemoryTree implements Merkle.Nodes {

    final List<byte[]> leaves = new ArrayList<>();

    MemoryTree add(byte[] data) {
        leaves.add(Merkle.leafHash(data));
        return this;
    }

    long size() {
        return leaves.size();
    }

    @Override
    public byte[] node(int level, long index) {
        if (level == 0) {
            return leaves.get((int) index);
        }
        return Merkle.nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
    }

    /** RFC 9162's MTH written straight from its definition, to check the stored-node version against. */
    static byte[] referenceRoot(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return Merkle.EMPTY_ROOT;
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(leafHashes.size() - 1);
        return Merkle.nodeHash(
                referenceRoot(leafHashes.subList(0, k)), referenceRoot(leafHashes.subList(k, leafHashes.size())));
    }
}

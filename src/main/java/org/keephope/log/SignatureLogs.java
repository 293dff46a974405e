package org.keephope.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of the signature log: one append-only Merkle tree per campaign, signed heads, proofs.
 *
 * <p>For the delivery package: {@link #latestCheckpoint(long)} gives the latest signed head — the C2SP signed
 * note to print or attach as it is, the verifier key that checks it, and the count it proves.
 */
@Service
@Transactional(readOnly = true)
public class SignatureLogs {

    /**
     * A signed head of a campaign's log.
     *
     * @param note the C2SP tlog-checkpoint as a signed note, byte for byte as served at
     *     {@code /campaigns/{slug}/log/checkpoint}
     * @param verifierKey the C2SP verifier key ({@code name+keyid+key}) whose signature the note carries
     * @param count additions minus withdrawals: the confirmed signatures the log proves at this size
     */
    public record SignedHead(
            long campaignId,
            String origin,
            long treeSize,
            long additions,
            long withdrawals,
            String note,
            String verifierKey,
            Instant signedAt) {

        public long count() {
            return additions - withdrawals;
        }
    }

    record InclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {}

    private final LogRepository repository;
    private final LogWriter writer;

    SignatureLogs(LogRepository repository, LogWriter writer) {
        this.repository = repository;
        this.writer = writer;
    }

    /** The latest signed head of a campaign's log; empty when no signature was ever confirmed or it was never asked for. */
    public Optional<SignedHead> latestCheckpoint(long campaignId) {
        return repository.head(campaignId).map(SignatureLogs::signedHead);
    }

    /** The campaign's verifier key, making the log (and its key) if it does not exist yet. */
    @Transactional
    public SignedHead open(long campaignId) {
        return signedHead(writer.ensure(campaignId));
    }

    static SignedHead signedHead(LogRepository.Head head) {
        return new SignedHead(
                head.campaignId(),
                head.origin(),
                head.size(),
                head.additions(),
                head.withdrawals(),
                head.checkpoint(),
                SignedNote.verifierKey(head.origin(), head.publicKey()),
                head.signedAt());
    }

    /** A receipt checked against the campaign's log as it is now (empty when the campaign has no log yet). */
    @Transactional(readOnly = true)
    ReceiptCheck.Result checkReceipt(long campaignId, String logUrl, String receipt) {
        var head = repository.head(campaignId);
        if (head.isEmpty()) {
            return ReceiptCheck.Result.invalid("noLog", "");
        }
        var h = head.get();
        return ReceiptCheck.check(receipt, new ReceiptCheck.Log() {
            @Override
            public String logUrl() {
                return logUrl;
            }

            @Override
            public String origin() {
                return h.origin();
            }

            @Override
            public SignedNote.Verifier verifier() {
                return new SignedNote.Verifier(h.origin(), SignedNote.keyId(h.origin(), h.publicKey()), h.publicKey());
            }

            @Override
            public long size() {
                return h.size();
            }

            @Override
            public byte[] rootAt(long size) {
                return Merkle.root(nodes(campaignId), size);
            }

            @Override
            public boolean holds(byte[] entry) {
                // a withdrawal comes after the addition it withdraws
                long index = java.nio.ByteBuffer.wrap(entry, 1, 8).getLong();
                return repository.holdsAfter(campaignId, index, entry);
            }
        });
    }

    Merkle.Nodes nodes(long campaignId) {
        return (level, index) -> repository.node(campaignId, level, index);
    }

    InclusionProof inclusion(long campaignId, long index, long size) {
        byte[] entry = repository.entry(campaignId, index).orElseThrow();
        return new InclusionProof(
                index, size, Merkle.leafHash(entry), Merkle.inclusionProof(nodes(campaignId), index, size));
    }

    List<byte[]> consistency(long campaignId, long from, long to) {
        return Merkle.consistencyProof(nodes(campaignId), from, to);
    }

    /** A tile's bytes, or empty when the tree does not have it (yet). */
    Optional<byte[]> tile(long campaignId, long treeSize, TilePath tile) {
        long first = tile.index() * TilePath.WIDTH;
        if (tile.entries()) {
            if (first + tile.width() > treeSize) {
                return Optional.empty();
            }
            var entries = repository.entries(campaignId, first, tile.width());
            int length = entries.stream().mapToInt(e -> 2 + e.length).sum();
            var out = java.nio.ByteBuffer.allocate(length);
            for (byte[] e : entries) {
                out.putShort((short) e.length).put(e);
            }
            return Optional.of(out.array());
        }
        int level = tile.level() * 8;
        // node (level, i) exists once the tree has (i + 1) · 2^level leaves
        if (level >= 63 || first + tile.width() > (treeSize >> level)) {
            return Optional.empty();
        }
        List<byte[]> hashes = new ArrayList<>(repository.nodes(campaignId, level, first, tile.width()));
        if (hashes.size() != tile.width()) {
            return Optional.empty();
        }
        var out = java.nio.ByteBuffer.allocate(hashes.size() * Merkle.HASH_SIZE);
        hashes.forEach(out::put);
        return Optional.of(out.array());
    }
}

package org.keephope.log;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.keephope.campaign.Campaigns;
import org.keephope.privacy.PersonalData;
import org.keephope.support.Tokens;
import org.keephope.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the logs. Entries wait in {@code log_pending}, written in the transaction that confirmed or
 * erased the signature; {@link #integrate} gives them the next indexes under the head's row lock (one writer
 * per log, on any node), stores entries and the perfect subtrees they complete, checks that the new tree
 * extends the signed one, and signs the new head — all in one transaction, so a head is only ever signed
 * over entries that are committed with it.
 *
 * <p>The nodes an append needs from earlier appends (the right edge of the tree, for the new root and the
 * check that it extends the signed one: about three times log2(size) of them) are kept in memory once read or
 * committed: a stored node never changes, so this node's copy is always right, and an append costs a handful of
 * statements instead of one query per node (commit "Log: committed nodes kept in memory").
 */
@Component
class LogWriter {

    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);

    private final LogRepository repository;
    private final Campaigns campaigns;
    private final PersonalData keys;
    private final SiteProperties site;
    private final LogProperties properties;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final Map<Long, PrivateKey> signingKeys = new ConcurrentHashMap<>();

    /** A node of a campaign's tree. */
    private record NodeKey(long campaignId, int level, long index) {}

    /** Nodes committed to the database (read, or appended by this node); bounded, about 2 MB when full. */
    private final Cache<NodeKey, byte[]> committedNodes =
            Caffeine.newBuilder().maximumSize(16_384).build();

    LogWriter(
            LogRepository repository,
            Campaigns campaigns,
            PersonalData keys,
            SiteProperties site,
            LogProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.keys = keys;
        this.site = site;
        this.properties = properties;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    static String keyContext(long campaignId) {
        return "log.signing-key." + campaignId;
    }

    /** The campaign's log, made (with its key and the signed empty head) in the caller's transaction if new. */
    LogRepository.Head ensure(long campaignId) {
        var existing = repository.head(campaignId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String slug = campaigns.ref(campaignId).orElseThrow().slug();
        String origin = originOf(site.baseUrl(), slug);
        SignedNote.Keys generated = SignedNote.generate();
        PrivateKey key = SignedNote.privateKey(generated.seed());
        byte[] root = Merkle.EMPTY_ROOT.clone();
        var now = clock.instant();
        String note = SignedNote.sign(Checkpoints.text(origin, 0, root), origin, key, generated.publicKey());
        repository.createHead(new LogRepository.Head(
                campaignId,
                origin,
                keys.encrypt(generated.seed(), keyContext(campaignId)),
                generated.publicKey(),
                0,
                root,
                0,
                0,
                note,
                now));
        java.util.Arrays.fill(generated.seed(), (byte) 0);
        return repository.head(campaignId).orElseThrow();
    }

    /** {@code <host[:port]>/campaigns/<slug>}: a schema-less URL, as tlog-checkpoint recommends. */
    static String originOf(String baseUrl, String slug) {
        String host = baseUrl.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        return (host.endsWith("/") ? host.substring(0, host.length() - 1) : host) + "/campaigns/" + slug;
    }

    /** In the confirming transaction: the signature's addition, with a fresh salt, waits to be appended. */
    void addition(UUID signatureId, long campaignId, String country) {
        var head = ensure(campaignId);
        byte[] salt = Tokens.bytes(LogEntries.SALT_SIZE);
        String code = country.toUpperCase(Locale.ROOT);
        byte[] entry = LogEntries.addition(LogEntries.commitment(head.origin(), code, salt));
        repository.addPending(campaignId, 'A', signatureId, entry, salt, code);
    }

    /**
     * In the erasing transaction. A signature that stays counted keeps its entry, but nothing ties the entry
     * to it any more; one that no longer counts gets a withdrawal, resolved to its index when appended.
     */
    void erased(UUID signatureId, long campaignId, boolean stillCounted) {
        if (stillCounted) {
            repository.deleteLeafOf(signatureId);
            repository.forgetPending(signatureId);
        } else if (repository.leafOf(signatureId).isPresent() || repository.hasPendingAddition(signatureId)) {
            repository.addPending(campaignId, 'W', signatureId, null, null, null);
        }
    }

    /** Appends what waits for one log, in a transaction of its own; returns how many entries it appended. */
    int integrateNow(long campaignId) {
        Integer appended = newTransaction.execute(status -> integrate(campaignId));
        return appended == null ? 0 : appended;
    }

    /** Appends waiting entries for every log; any node may run it. */
    int sweep() {
        int total = 0;
        for (long campaignId : repository.campaignsWithPending()) {
            int appended;
            do {
                appended = integrateNow(campaignId);
                total += appended;
            } while (appended >= properties.batchSize());
        }
        return total;
    }

    private int integrate(long campaignId) {
        var locked = repository.lockHead(campaignId);
        if (locked.isEmpty()) {
            return 0;
        }
        var head = locked.get();
        var waiting = repository.pending(campaignId, properties.batchSize());
        if (waiting.isEmpty()) {
            return 0;
        }
        long size = head.size();
        long additions = head.additions();
        long withdrawals = head.withdrawals();
        Map<Long, byte[]> fresh = new HashMap<>(); // nodes made in this batch, by (level << 58 | index)
        List<LogRepository.Node> nodes = new ArrayList<>();
        List<byte[]> entries = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        for (var p : waiting) {
            done.add(p.seq());
            byte[] entry;
            if (p.kind() == 'A') {
                if (p.entry() == null) {
                    continue;
                }
                entry = p.entry();
                if (p.signatureId() != null) {
                    repository.insertLeafOf(p.signatureId(), campaignId, size, p.salt(), p.country());
                }
                additions++;
            } else {
                var leaf = p.signatureId() == null
                        ? null
                        : repository.leafOf(p.signatureId()).orElse(null);
                if (leaf == null) {
                    continue; // withdrawn already, or never appended
                }
                entry = LogEntries.withdrawal(leaf.index());
                repository.deleteLeafOf(p.signatureId());
                withdrawals++;
            }
            entries.add(entry);
            long index = size;
            byte[] hash = Merkle.leafHash(entry);
            add(nodes, fresh, 0, index, hash);
            int level = 0;
            while ((index & 1) == 1) {
                byte[] left = lookup(campaignId, fresh, level, index - 1);
                hash = Merkle.nodeHash(left, hash);
                index >>= 1;
                level++;
                add(nodes, fresh, level, index, hash);
            }
            size++;
        }
        repository.deletePending(done);
        if (entries.isEmpty()) {
            return 0;
        }
        repository.insertEntries(campaignId, head.size(), entries);
        repository.insertNodes(campaignId, nodes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    for (var node : nodes) {
                        committedNodes.put(new NodeKey(campaignId, node.level(), node.index()), node.hash());
                    }
                }
            });
        }
        Merkle.Nodes tree = (level, index) -> lookup(campaignId, fresh, level, index);
        byte[] root = Merkle.root(tree, size);
        // never two inconsistent heads: the stored tree must still give the signed root at the signed size,
        // and the new head must provably extend it
        if (!Merkle.same(Merkle.root(tree, head.size()), head.root())
                || !Merkle.verifyConsistency(
                        head.size(), size, head.root(), root, Merkle.consistencyProof(tree, head.size(), size))) {
            throw new IllegalStateException(
                    "the log of campaign " + campaignId + " does not extend its signed head: refusing to sign");
        }
        String note = SignedNote.sign(
                Checkpoints.text(head.origin(), size, root), head.origin(), signingKey(head), head.publicKey());
        repository.updateHead(campaignId, size, root, additions, withdrawals, note, clock.instant());
        log.debug("Appended {} entries to the log of campaign {}: size {}", entries.size(), campaignId, size);
        return entries.size();
    }

    private static long key(int level, long index) {
        return ((long) level << 58) | index;
    }

    private static void add(
            List<LogRepository.Node> nodes, Map<Long, byte[]> fresh, int level, long index, byte[] hash) {
        nodes.add(new LogRepository.Node(level, index, hash));
        fresh.put(key(level, index), hash);
    }

    private byte[] lookup(long campaignId, Map<Long, byte[]> fresh, int level, long index) {
        byte[] hash = fresh.get(key(level, index));
        if (hash != null) {
            return hash;
        }
        // under the head's lock every node not made in this batch was committed by an earlier append
        return committedNodes.get(
                new NodeKey(campaignId, level, index), k -> repository.node(k.campaignId(), k.level(), k.index()));
    }

    private PrivateKey signingKey(LogRepository.Head head) {
        return signingKeys.computeIfAbsent(head.campaignId(), id -> {
            byte[] seed = keys.decryptBytes(head.keyEnc(), keyContext(id));
            try {
                return SignedNote.privateKey(seed);
            } finally {
                java.util.Arrays.fill(seed, (byte) 0);
            }
        });
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

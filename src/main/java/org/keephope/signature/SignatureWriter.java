package org.keephope.signature;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.keephope.mail.MailPriority;
import org.keephope.mail.Outbox;
import org.keephope.support.DatabaseOutage;
import org.keephope.support.WorkerHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the sign hot path. Request threads hand over prepared signatures and wait; a writer
 * thread takes whatever has queued up (up to {@code batchSize}) and writes it in one transaction, the
 * confirmation mails with it; then every waiting request is answered. Under load one commit serves
 * hundreds of signatures instead of one. A batch whose connection fails (the database restarting) is written
 * again, whole, on a new connection for up to {@link DatabaseOutage#BUDGET}: its rows carry their ids and an
 * address already there is skipped, so a commit that did land before the failure is not doubled. A batch that
 * fails otherwise is retried one signature per transaction, so one bad row costs only its own request.
 *
 * <p>A writer thread survives anything a batch throws, {@link Error}s included: the batch's requests get
 * the failure, the thread takes the next batch. {@code /actuator/health} reports the writers DOWN when a
 * thread has ended or the last {@value WorkerHealth#DOWN_AFTER} batches failed.
 */
@Component
class SignatureWriter implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SignatureWriter.class);
    static final int WRITERS = 2;

    private record Job(NewSignature signature, CompletableFuture<Void> done) {}

    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>(50_000);
    private final SignatureRepository repository;
    private final PendingChange changes;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final SigningProperties properties;
    private final Clock clock;
    private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final WorkerHealth health;
    private volatile boolean running;

    SignatureWriter(
            SignatureRepository repository,
            PendingChange changes,
            Outbox outbox,
            TransactionTemplate transaction,
            SigningProperties properties,
            Clock clock) {
        this.repository = repository;
        this.changes = changes;
        this.outbox = outbox;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        // an idle writer wakes every 200 ms: silence means it is stuck
        this.health = new WorkerHealth(clock, java.time.Duration.ofMinutes(2));
    }

    /** The writers start before the web server takes requests. */
    @Override
    public synchronized void start() {
        if (!threads.isEmpty()) {
            return;
        }
        running = true;
        for (int i = 0; i < WRITERS; i++) {
            Thread thread = new Thread(this::run, "signature-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /**
     * Refuses new signatures and lets the writers commit what is queued (at most 5 s each). It runs after the
     * web server's graceful shutdown, so a signature acknowledged to a supporter is never dropped here.
     */
    @Override
    public synchronized void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** Below the web server's phases: started before it listens, stopped after it has drained. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** How many signatures wait for a writer. */
    int queued() {
        return queue.size();
    }

    /** Queues a signature; the future completes once it is committed (or fails if it could not be). */
    CompletableFuture<Void> submit(NewSignature signature) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Job(signature, done))) {
            done.completeExceptionally(new IllegalStateException("signature queue full or closed"));
        }
        return done;
    }

    private void run() {
        List<Job> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                health.alive();
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, properties.batchSize() - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // anything at all, Errors too: the thread must live on for the next batch
                health.failed(e);
                log.error("Signature writer failed on a batch of {}", batch.size(), e);
                batch.forEach(job -> job.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Job> batch) {
        // One lock order for every batch (campaign, email MAC), so concurrent batches do not deadlock.
        batch.sort(Comparator.comparingLong((Job j) -> j.signature().campaignId())
                .thenComparing(j -> j.signature().emailMac(), Arrays::compareUnsigned));
        try {
            // a restarting database (or a pooled connection that died with it) costs a wait, not an error
            DatabaseOutage.retrying(() -> transaction.executeWithoutResult(
                    status -> writeAll(batch.stream().map(Job::signature).toList())));
            health.succeeded();
            batch.forEach(job -> job.done().complete(null));
            return;
        } catch (RuntimeException batchFailure) {
            log.warn(
                    "Batch of {} signatures failed ({}); writing them one by one",
                    batch.size(),
                    batchFailure.toString());
        }
        Map<Job, RuntimeException> failures = new IdentityHashMap<>();
        for (Job job : batch) {
            try {
                transaction.executeWithoutResult(status -> writeAll(List.of(job.signature())));
            } catch (RuntimeException e) {
                failures.put(job, e);
            }
        }
        // one bad row is that row's failure; a batch where every row failed is the writer's
        if (failures.size() < batch.size()) {
            health.succeeded();
        } else {
            health.failed(failures.values().iterator().next());
        }
        for (Job job : batch) {
            RuntimeException failure = failures.get(job);
            if (failure == null) {
                job.done().complete(null);
            } else {
                job.done().completeExceptionally(failure);
            }
        }
    }

    private void writeAll(List<NewSignature> signatures) {
        boolean[] inserted = repository.insertNew(signatures);
        List<Outbox.Queued> confirmations = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            NewSignature s = signatures.get(i);
            if (s.confirmationMail() == null) {
                continue; // imported as confirmed: no mail, and an address that had signed is left as it was
            }
            if (inserted[i]) {
                confirmations.add(
                        new Outbox.Queued(s.confirmationMail(), reference(s.id()), MailPriority.CONFIRMATION));
            } else {
                signedBefore(s);
            }
        }
        outbox.enqueueAll(confirmations);
        writeAttachments(signatures, inserted);
    }

    /** Each attachment once per batch, with what it prepared for the new signatures. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void writeAttachments(List<NewSignature> signatures, boolean[] inserted) {
        Map<SignatureAttachment, List<Object>> byAttachment = new java.util.LinkedHashMap<>();
        for (int i = 0; i < signatures.size(); i++) {
            if (!inserted[i]) {
                continue;
            }
            for (NewSignature.Attached<?> a : signatures.get(i).attachments()) {
                byAttachment.computeIfAbsent(a.by(), k -> new ArrayList<>()).add(a.prepared());
            }
        }
        byAttachment.forEach((attachment, prepared) -> attachment.write(prepared));
    }

    /**
     * The address signed this campaign before. Unconfirmed: the new details wait, sealed, beside the old,
     * and a new link goes out that applies them when confirmed — unless a mail was sent within the resend
     * interval. Whoever typed the address cannot change what its owner signed. Confirmed: the owner of the address is told, at most once per
     * interval. The person at the form sees the same answer either way.
     */
    private void signedBefore(NewSignature s) {
        var existing = repository.lockExisting(s.campaignId(), s.emailMac());
        if (existing.isEmpty()) {
            return; // erased meanwhile: nothing to do, nothing to tell
        }
        var row = existing.get();
        boolean mayMail = row.lastMailAt() == null
                || row.lastMailAt().plus(properties.resendInterval()).isBefore(clock.instant());
        if (!mayMail) {
            return;
        }
        if (row.status() == SignatureStatus.PENDING) {
            // the new choices wait for the owner of the address to confirm them; the signature stays as it was
            repository.stageChange(row.id(), changes.seal(PendingChange.Choices.of(s), row.id()), s);
            outbox.enqueue(s.confirmationMail(), reference(row.id()), MailPriority.CONFIRMATION);
        } else {
            repository.mailedConfirmed(row.id(), clock.instant(), s.eraseTokenHash());
            outbox.enqueue(s.alreadySignedMail().get(), reference(row.id()), MailPriority.NOTICE);
        }
    }

    @Override
    public Health health() {
        return health.health(!threads.isEmpty() && threads.stream().allMatch(Thread::isAlive));
    }

    static String reference(java.util.UUID signatureId) {
        return "signature:" + signatureId;
    }
}

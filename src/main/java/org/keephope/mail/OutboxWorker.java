package org.keephope.mail;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.keephope.privacy.PersonalData;
import org.keephope.support.Idle;
import org.keephope.support.WorkerHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is in the outbox. Any number of nodes run this at once: a node claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so two nodes never hold the same mail. Each node runs
 * {@code keephope.mail.senders} sender threads; each claims a batch (confirmations before notices), sends it
 * over one SMTP connection and records the sent mails of the batch in one statement. A mail whose send
 * fails is retried with exponential backoff while SMTP is down. If a node dies between handing a mail to
 * SMTP and recording it, the lease runs out and the mail goes once more with the same Message-ID: SMTP
 * offers at-least-once, never exactly-once, and the stable Message-ID lets receivers drop the duplicate.
 *
 * <p>A round survives anything it throws, {@link Error}s included (the next round runs as scheduled), and
 * {@code /actuator/health} reports the worker DOWN when its last {@value WorkerHealth#DOWN_AFTER} rounds
 * failed or it has not run for two minutes. A mail that SMTP refuses is the mail's failure (retried with
 * backoff), not the worker's.
 */
@Component
class OutboxWorker implements HealthIndicator, SmartLifecycle {

    /** After this many failed mails in a row, the rest of a batch is given back untried. */
    static final int FAILURES_BEFORE_DEFERRING = 3;

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxRepository repository;
    private final MailTransport transport;
    private final PersonalData personalData;
    private final MailProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final String messageIdDomain;
    private final WorkerHealth health;
    private final org.springframework.context.ApplicationEventPublisher events;
    private volatile boolean stopping;
    private final Object wakeUp = new Object();
    private final MailCounters counters;
    private final List<Thread> threads = new ArrayList<>();

    OutboxWorker(
            OutboxRepository repository,
            MailTransport transport,
            PersonalData personalData,
            MailProperties properties,
            TransactionTemplate transaction,
            Clock clock,
            org.keephope.web.SiteProperties site,
            MailCounters counters,
            org.springframework.context.ApplicationEventPublisher events) {
        this.counters = counters;
        this.events = events;
        this.repository = repository;
        this.transport = transport;
        this.personalData = personalData;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.messageIdDomain = java.net.URI.create(site.baseUrl()).getHost();
        // a round every poll interval, a sign of life after every mail (each bounded by the SMTP timeouts)
        this.health = new WorkerHealth(clock, java.time.Duration.ofMinutes(2));
    }

    @Override
    public void start() {
        synchronized (wakeUp) {
            if (!threads.isEmpty()) {
                return;
            }
            stopping = false;
            for (int i = 0; i < Math.max(1, properties.senders()); i++) {
                Thread thread = new Thread(this::run, "mail-sender-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        List<Thread> running;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
            running = List.copyOf(threads);
            threads.clear();
        }
        // a sender finishes the mail in hand, records what it sent and gives back the rest of its batch
        long end = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        for (Thread thread : running) {
            try {
                thread.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (wakeUp) {
            return !threads.isEmpty();
        }
    }

    private void run() {
        while (!stopping) {
            int last = work();
            if (last < properties.batchSize()) {
                if (!Idle.waitOn(wakeUp, () -> stopping, properties.pollMillis())) {
                    return;
                }
            }
        }
    }

    /** One round: batches until one comes back short (or the node stops); returns the last batch's size. */
    int work() {
        try {
            int claimed;
            do {
                claimed = sendBatch();
            } while (!stopping && claimed == properties.batchSize());
            health.succeeded();
            return claimed;
        } catch (Throwable e) {
            // anything at all, Errors too: the next round must still run
            health.failed(e);
            log.warn("Mail worker could not reach the outbox: {}", e.toString());
            return 0;
        }
    }

    @Override
    public Health health() {
        boolean running;
        synchronized (wakeUp) {
            running = threads.isEmpty() ? !stopping : threads.stream().allMatch(Thread::isAlive);
        }
        return health.health(running);
    }

    /**
     * Claims one batch (confirmations first, then notices, in one transaction) and sends it over one
     * connection; records the sent mails in one statement at the end. Returns how many were claimed.
     */
    int sendBatch() {
        Instant now = clock.instant();
        int size = properties.batchSize();
        List<Long> claimed = transaction.execute(status -> {
            List<Long> ids = new ArrayList<>(size);
            for (MailPriority priority : MailPriority.inClaimOrder()) {
                if (ids.size() < size) {
                    ids.addAll(repository.lockDue(now, priority.rank, size - ids.size()));
                }
            }
            if (!ids.isEmpty()) {
                repository.claim(ids, node, now.plus(properties.lease()));
            }
            return ids;
        });
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        // one query for the batch; a mail deleted since (an erasure) is skipped, one being sent is not stopped
        List<OutboxRepository.Claimed> mails = repository.claimed(claimed, node);
        List<Long> sent = new ArrayList<>(mails.size());
        int failuresInARow = 0;
        int i = 0;
        try (MailTransport.Connection connection = transport.open()) {
            for (; i < mails.size() && !stopping && failuresInARow < FAILURES_BEFORE_DEFERRING; i++) {
                OutboxRepository.Claimed mail = mails.get(i);
                if (send(connection, mail)) {
                    sent.add(mail.id());
                    failuresInARow = 0;
                } else {
                    failuresInARow++;
                }
                health.alive();
            }
        } finally {
            repository.markSent(sent, node, clock.instant());
            counters.sent.increment(sent.size());
        }
        if (i < mails.size()) {
            List<Long> rest = mails.subList(i, mails.size()).stream()
                    .map(OutboxRepository.Claimed::id)
                    .toList();
            if (stopping) {
                // stopping: the rest goes back to the outbox, due at once for any node
                repository.release(rest, node, clock.instant());
            } else {
                // SMTP refuses mail after mail: the rest waits one retry interval, without counting an attempt
                repository.release(rest, node, clock.instant().plus(properties.retryInitial()));
                log.warn("Mail server failed {} mails in a row; {} more wait for the next try", i, rest.size());
            }
        }
        return claimed.size();
    }

    /** Returns whether the mail went; a failure is recorded with its backoff at once. */
    private boolean send(MailTransport.Connection connection, OutboxRepository.Claimed claimed) {
        long id = claimed.id();
        try {
            MailMessage mail = MailCodec.decode(personalData.decryptBytes(claimed.payload(), Outbox.CONTEXT));
            connection.send("<outbox-" + id + "@" + messageIdDomain + ">", mail);
            return true;
        } catch (Exception e) {
            counters.failures.increment();
            int refused = Refusals.permanentCode(e);
            if (refused > 0) {
                // the server refused the recipient for good (5xx): retrying cannot help; whoever sent it is told
                transaction.executeWithoutResult(status -> {
                    repository.markFailed(
                            id, node, claimed.attempts() + 1, clock.instant(), true, "refused " + refused);
                    events.publishEvent(new MailRefused(claimed.reference(), refused));
                });
                log.warn("Mail {} refused by the mail server for good ({}), not retried", id, refused);
                return false;
            }
            int attempts = claimed.attempts() + 1;
            boolean giveUp = attempts >= properties.maxAttempts();
            Instant next = clock.instant().plus(properties.backoff(attempts));
            // the error's class only: SMTP messages can carry the recipient's address
            repository.markFailed(id, node, attempts, next, giveUp, e.getClass().getSimpleName());
            if (giveUp) {
                log.error(
                        "Mail {} failed {} times and is given up: {}",
                        id,
                        attempts,
                        e.getClass().getSimpleName());
            } else {
                log.warn(
                        "Mail {} not sent (attempt {}), retry at {}: {}",
                        id,
                        attempts,
                        next,
                        e.getClass().getSimpleName());
            }
            return false;
        }
    }
}

package org.keephope.mail;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.keephope.privacy.PersonalData;
import org.keephope.support.WorkerHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is in the outbox. Any number of nodes run this at once: a node claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so two nodes never hold the same mail. A mail whose send
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
class OutboxWorker implements HealthIndicator {

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
    private volatile boolean stopping;

    OutboxWorker(
            OutboxRepository repository,
            MailTransport transport,
            PersonalData personalData,
            MailProperties properties,
            TransactionTemplate transaction,
            Clock clock,
            org.keephope.web.SiteProperties site) {
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

    @Scheduled(fixedDelayString = "${keephope.mail.poll-millis:250}", initialDelay = 1000)
    void work() {
        try {
            int sent;
            do {
                sent = sendBatch();
            } while (!stopping && sent == properties.batchSize());
            health.succeeded();
        } catch (Throwable e) {
            // anything at all, Errors too: the next round must still run
            health.failed(e);
            log.warn("Mail worker could not reach the outbox: {}", e.toString());
        }
    }

    @Override
    public Health health() {
        return health.health(!stopping);
    }

    /** Claims and sends one batch; returns how many were claimed. */
    int sendBatch() {
        Instant now = clock.instant();
        List<Long> claimed = transaction.execute(status -> {
            List<Long> ids = repository.lockDue(now, properties.batchSize());
            if (!ids.isEmpty()) {
                repository.claim(ids, node, now.plus(properties.lease()));
            }
            return ids;
        });
        if (claimed.isEmpty()) {
            return 0;
        }
        // one query for the batch; a mail cancelled since (an erasure) is skipped, one being sent is not stopped
        var payloads = repository.payloads(claimed, node);
        for (long id : claimed) {
            byte[] payload = payloads.get(id);
            if (payload != null) {
                send(id, payload);
            }
            health.alive();
        }
        return claimed.size();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        stopping = true;
    }

    private void send(long id, byte[] payload) {
        try {
            MailMessage mail = MailCodec.decode(personalData.decryptBytes(payload, Outbox.CONTEXT));
            transport.send("<outbox-" + id + "@" + messageIdDomain + ">", mail);
            repository.markSent(id, node, clock.instant());
        } catch (Exception e) {
            int attempts = repository.attempts(id) + 1;
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
        }
    }
}

package org.keephope.partner;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.keephope.audit.AuditLog;
import org.keephope.support.Idle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued webhooks, on any number of nodes at once: a node claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} and a lease (as the mail outbox does), posts each one signed, and records the
 * attempt. Only a 2xx answer within the timeout counts; a redirect is not followed and counts as a failure; a
 * failure is retried with exponential backoff and jitter until {@code retryFor} after the event; {@code 410 Gone}
 * disables the endpoint (audited). Signing never waits for a receiver: it only writes rows.
 */
@Component
class WebhookWorker implements SmartLifecycle {

    static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

    private final WebhookRepository repository;
    private final Webhooks webhooks;
    private final WebhookProperties properties;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final HttpClient http;
    private final Object wakeUp = new Object();
    private volatile boolean stopping;
    private Thread thread;

    WebhookWorker(
            WebhookRepository repository,
            Webhooks webhooks,
            WebhookProperties properties,
            TransactionTemplate transaction,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.webhooks = webhooks;
        this.properties = properties;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout())
                .build();
    }

    @Override
    public void start() {
        synchronized (wakeUp) {
            if (thread != null) {
                return;
            }
            stopping = false;
            thread = new Thread(this::run, "webhook-sender");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void stop() {
        stopping = true;
        Thread running;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
            running = thread;
            thread = null;
        }
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (wakeUp) {
            return thread != null;
        }
    }

    private void run() {
        while (!stopping) {
            int claimed;
            try {
                claimed = work();
            } catch (Throwable e) {
                log.warn("Webhook worker could not reach its queue: {}", e.toString());
                claimed = 0;
            }
            if (claimed < BATCH) {
                if (!Idle.waitOn(wakeUp, () -> stopping, properties.pollMillis())) {
                    return;
                }
            }
        }
    }

    /** Claims one batch of due deliveries and makes them; returns how many were claimed. */
    int work() {
        Instant now = clock.instant();
        // a lease longer than a batch of timed-out attempts: a row is never held by two nodes
        Instant until = now.plus(properties.timeout().multipliedBy(BATCH + 2L));
        List<Long> ids = transaction.execute(status -> {
            List<Long> due = repository.lockDue(now, BATCH);
            if (!due.isEmpty()) {
                repository.claim(due, node, until);
            }
            return due;
        });
        if (ids == null || ids.isEmpty()) {
            return 0;
        }
        for (var claimed : repository.claimed(ids, node)) {
            if (stopping) {
                break;
            }
            deliver(claimed);
        }
        return ids.size();
    }

    private void deliver(WebhookRepository.Claimed claimed) {
        var endpoint = repository.endpoint(claimed.endpointId()).orElse(null);
        int attempts = claimed.attempts() + 1;
        Instant now = clock.instant();
        if (endpoint == null || !endpoint.enabled()) {
            // tried again when the endpoint is enabled (replay), not counted as an attempt
            repository.recordAttempt(
                    claimed.id(), node, "FAILED", claimed.attempts(), null, "endpoint disabled", now, now);
            return;
        }
        Integer code = null;
        String error = null;
        var problem = webhooks.guard().problem(endpoint.url());
        if (problem.isPresent()) {
            error = problem.get();
        } else {
            try {
                String body = webhooks.body(claimed);
                long timestamp = now.getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                        .timeout(properties.timeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "KeepHope-Webhooks")
                        .header("webhook-id", claimed.eventId())
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", webhooks.signature(endpoint, claimed.eventId(), timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
                code = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = e.getClass().getSimpleName();
            }
        }
        Instant after = clock.instant();
        if (code != null && code >= 200 && code < 300) {
            repository.recordAttempt(claimed.id(), node, "DELIVERED", attempts, code, null, after, after);
            return;
        }
        if (code != null && code == 410) {
            long endpointId = endpoint.id();
            transaction.executeWithoutResult(status -> {
                repository.recordAttempt(claimed.id(), node, "FAILED", attempts, 410, "gone", after, after);
                repository.setEnabled(endpointId, false, "410 Gone");
                audit.record(
                        "webhook-worker",
                        "webhook.disable",
                        "webhook",
                        endpointId,
                        "receiver answered 410 Gone, organisation " + endpoint.organisationId());
            });
            log.warn("Webhook endpoint {} answered 410 Gone and is disabled", endpointId);
            return;
        }
        if (code != null) {
            error = code >= 300 && code < 400 ? "redirect not followed" : "HTTP " + code;
        }
        Instant next = after.plus(properties.backoff(attempts));
        boolean giveUp = next.isAfter(claimed.createdAt().plus(properties.retryFor()));
        repository.recordAttempt(claimed.id(), node, giveUp ? "FAILED" : "PENDING", attempts, code, error, after, next);
        log.info("Webhook delivery {} failed (attempt {}): {}", claimed.id(), attempts, error);
    }
}

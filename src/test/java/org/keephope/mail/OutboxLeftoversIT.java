package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What the outbox keeps of a mail once it went, or never will. */
class OutboxLeftoversIT extends AbstractIntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    MailProperties properties;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    String enqueue(String to) {
        String reference = "test:" + UUID.randomUUID();
        transaction.executeWithoutResult(
                status -> outbox.enqueue(new MailMessage(to, "Leftovers", "Hello", "<p>Hello</p>", null), reference));
        return reference;
    }

    /** Enqueues and changes the row in one transaction; the update's last parameter is the reference. */
    String enqueue(String to, String update, Object... before) {
        String reference = "test:" + UUID.randomUUID();
        Object[] params = java.util.Arrays.copyOf(before, before.length + 1);
        params[before.length] = reference;
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(new MailMessage(to, "Leftovers", "Hello", "<p>Hello</p>", null), reference);
            jdbc.sql(update).params(params).update();
        });
        return reference;
    }

    @Test
    void aMailGivenUpLosesItsMessageAtTheLastAttempt() {
        String reference = enqueue("not an address <<>>"); // JavaMail refuses it, every time
        jdbc.sql("update mail_outbox set attempts = ? where reference = ?")
                .params(properties.maxAttempts() - 1, reference)
                .update();
        await(() -> "FAILED".equals(status(reference)), "the last attempt");
        assertThat(jdbc.sql("select count(*) from mail_outbox where reference = ? and payload is null")
                        .param(reference)
                        .query(Long.class)
                        .single())
                .as("the message, recipient included, is gone")
                .isEqualTo(1);
    }

    @Test
    void sentRowsGoAfterADayFailedOnesAfterTheirTimeUnsentOnesStay() {
        String sent = enqueue("leftover-" + UUID.randomUUID() + "@example.org");
        await(() -> "SENT".equals(status(sent)), "the mail sent");
        // each changed in the transaction that enqueues it, so the running worker never sees it as it was
        String failed =
                enqueue("never <<>>", "update mail_outbox set status = 'FAILED', payload = null where reference = ?");
        String waiting = enqueue(
                "waiting-" + UUID.randomUUID() + "@example.org",
                "update mail_outbox set next_attempt_at = ? where reference = ?",
                OffsetDateTime.now().plusDays(1));

        outbox.deleteLeftovers();
        assertThat(status(sent)).as("sent less than a day ago").isEqualTo("SENT");

        age(sent, Duration.ofHours(25));
        age(failed, Duration.ofHours(25));
        age(waiting, Duration.ofDays(40));
        assertThat(outbox.deleteLeftovers()).isGreaterThanOrEqualTo(1);
        assertThat(status(sent)).as("sent more than a day ago").isNull();
        assertThat(status(failed))
                .as("failed a day ago: still there for operators")
                .isEqualTo("FAILED");
        assertThat(status(waiting)).as("not sent yet").isEqualTo("PENDING");

        age(failed, properties.keepFailed().plusHours(1));
        outbox.deleteLeftovers();
        assertThat(status(failed)).isNull();
    }

    private void age(String reference, Duration by) {
        jdbc.sql("update mail_outbox set created_at = ? where reference = ?")
                .params(OffsetDateTime.now().minus(by), reference)
                .update();
    }

    private String status(String reference) {
        return jdbc.sql("select status from mail_outbox where reference = ?")
                .param(reference)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant end = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Signer.sleep(50);
        }
    }
}

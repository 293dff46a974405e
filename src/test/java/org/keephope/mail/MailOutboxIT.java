package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.privacy.EmailAddress;
import org.keephope.privacy.Fingerprints;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.SecondNode;
import org.keephope.support.Signer;
import org.keephope.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class MailOutboxIT extends AbstractIntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fingerprints fingerprints;

    @Autowired
    Environment environment;

    @Test
    void aMailWaitsOutAnSmtpOutageAndIsSentOnceWhenSmtpReturns() throws Exception {
        Signer ivan = new Signer("Ivan", "SE");
        TestMail.stop();
        try {
            assertThat(post(
                                    "/campaigns/keep-hope-alive/sign",
                                    ivan.formFrom(
                                            get("/campaigns/keep-hope-alive").body()))
                            .statusCode())
                    .as("the signature is taken while SMTP is down")
                    .isEqualTo(303);
            String reference = "signature:"
                    + jdbc.sql("select id from signature where email_mac = ?")
                            .param(fingerprints.of("signature.email", EmailAddress.canonical(ivan.email)))
                            .query(UUID.class)
                            .single();
            await(() -> attempts(reference) >= 2, Duration.ofSeconds(15), "two failed attempts");
            assertThat(status(reference)).isEqualTo("PENDING");
        } finally {
            TestMail.restart();
        }
        ivan.awaitMails(1, Duration.ofSeconds(15));
        Signer.sleep(1500);
        assertThat(ivan.mails()).as("sent exactly once").hasSize(1);
    }

    @Test
    void twoNodesOnOneDatabaseSendEachMailOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            recipients.add("node-" + run + "-" + i + "@example.org");
        }
        try (ConfigurableApplicationContext second = SecondNode.start(environment)) {
            transaction.executeWithoutResult(status -> recipients.forEach(to -> outbox.enqueue(
                    new MailMessage(to, "Two nodes " + run, "Hello", "<p>Hello</p>", null), "test:" + to)));
            await(() -> received(run).size() >= recipients.size(), Duration.ofSeconds(30), "all mails");
            Signer.sleep(1500);
            List<MimeMessage> mails = received(run);
            assertThat(mails).hasSize(recipients.size());
            Set<String> to = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (MimeMessage mail : mails) {
                to.add(mail.getAllRecipients()[0].toString());
                ids.add(mail.getMessageID());
            }
            assertThat(to).containsExactlyInAnyOrderElementsOf(recipients);
            assertThat(ids).hasSize(recipients.size());
            assertThat(jdbc.sql(
                                    "select count(*) from mail_outbox where reference like ? and status = 'SENT' and payload is null")
                            .param("test:node-" + run + "-%")
                            .query(Long.class)
                            .single())
                    .isEqualTo(recipients.size());
        }
    }

    private List<MimeMessage> received(String run) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().equals("Two nodes " + run);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    private int attempts(String reference) {
        return jdbc.sql("select attempts from mail_outbox where reference = ?")
                .param(reference)
                .query(Integer.class)
                .single();
    }

    private String status(String reference) {
        return jdbc.sql("select status from mail_outbox where reference = ?")
                .param(reference)
                .query(String.class)
                .single();
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Signer.sleep(50);
        }
    }
}

package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.keephope.privacy.PersonalData;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.MovableClock;
import org.keephope.support.Settings;
import org.keephope.support.Signer;
import org.keephope.support.TestMail;
import org.keephope.web.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail in batches: confirmations first, many mails per SMTP connection, on the real database and SMTP. */
class MailBatchingIT extends AbstractIntegrationTest {

    /** Far beyond the running worker's clock: only a worker whose clock is there sees these mails as due. */
    static final Instant FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRepository repository;

    @Autowired
    PersonalData personalData;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailTransport appTransport;

    @Test
    void confirmationsAreClaimedBeforeNoticesWrittenEarlierAndEachBatchUsesOneConnection() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> written = List.of("N1", "N2", "N3", "C1", "C2", "C3", "N4", "N5");
        transaction.executeWithoutResult(status -> {
            for (String name : written) {
                outbox.enqueue(
                        new MailMessage(name + "@example.org", run + " " + name, "Hello", "<p>Hello</p>", null),
                        "test:" + run + ":" + name,
                        name.startsWith("C") ? MailPriority.CONFIRMATION : MailPriority.NOTICE);
            }
            jdbc.sql("update mail_outbox set next_attempt_at = ? where reference like ?")
                    .params(org.keephope.support.Rows.param(FUTURE), "test:" + run + ":%")
                    .update();
        });

        Recording recording = new Recording();
        MailCounters counters = new MailCounters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        OutboxWorker worker = new OutboxWorker(
                repository,
                recording,
                personalData,
                Settings.of("keephope.mail", MailProperties.class, Map.of("keephope.mail.batch-size", "4")),
                transaction,
                new MovableClock(FUTURE.plusSeconds(1)),
                new SiteProperties(BASE_URL),
                counters,
                event -> {});
        while (worker.sendBatch() > 0) {
            // until nothing is due at the test worker's time
        }

        List<Recording.Sent> mine = recording.sent.stream()
                .filter(s -> s.subject().startsWith(run + " "))
                .toList();
        assertThat(mine.stream().map(s -> s.subject().substring(run.length() + 1)))
                .as("confirmations first, then notices, each in the order written")
                .containsExactly("C1", "C2", "C3", "N1", "N2", "N3", "N4", "N5");
        assertThat(mine.stream().map(Recording.Sent::connection).distinct().count())
                .as("8 mails in batches of at most 4, one connection per batch")
                .isLessThanOrEqualTo(3)
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from mail_outbox where reference like ? and status = 'SENT'"
                                + " and payload is null and sent_at is not null")
                        .param("test:" + run + ":%")
                        .query(Long.class)
                        .single())
                .as("recorded as sent, messages deleted")
                .isEqualTo(8);
        assertThat(counters.sent.count())
                .as("the metric counts what this worker sent (other due mails of the run included)")
                .isGreaterThanOrEqualTo(8)
                .isEqualTo(recording.sent.size());
    }

    @Test
    void theAppSendsManyMailsOverOneSmtpConnectionToGreenMail() {
        SmtpTransport smtp = (SmtpTransport) appTransport;
        String run = UUID.randomUUID().toString().substring(0, 8);
        int mails = 20;
        long before = smtp.connectionsOpened();
        transaction.executeWithoutResult(status -> {
            List<Outbox.Queued> queued = new ArrayList<>();
            for (int i = 0; i < mails; i++) {
                queued.add(new Outbox.Queued(
                        new MailMessage(
                                "reuse-" + run + "-" + i + "@example.org", "Reuse " + run, "Hi", "<p>Hi</p>", null),
                        "test:reuse:" + run + ":" + i,
                        MailPriority.CONFIRMATION));
            }
            outbox.enqueueAll(queued);
        });
        await(() -> received("Reuse " + run).size() == mails, "all 20 mails at GreenMail");
        long opened = smtp.connectionsOpened() - before;
        // the test settings claim 5 at a time: at least 4 batches, one connection each
        assertThat(opened).as("SMTP connections for 20 mails").isBetween(1L, (long) mails / 2);
    }

    @Test
    void oneConnectionCarriesAWholeBatchAsSeenOnTheWire() throws Exception {
        try (CountingProxy proxy = new CountingProxy(TestMail.port())) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(proxy.port());
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
            sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
            SmtpTransport smtp =
                    new SmtpTransport(sender, Settings.of("keephope.mail", MailProperties.class, Map.of()));
            String run = UUID.randomUUID().toString().substring(0, 8);
            try (MailTransport.Connection connection = smtp.open()) {
                for (int i = 0; i < 10; i++) {
                    connection.send(
                            "<wire-" + run + "-" + i + "@keephope.test>",
                            new MailMessage("wire-" + i + "@example.org", "Wire " + run, "Hi", "<p>Hi</p>", null));
                }
            }
            await(() -> received("Wire " + run).size() == 10, "10 mails at GreenMail");
            assertThat(proxy.accepted.get()).as("TCP connections for 10 mails").isEqualTo(1);
            assertThat(smtp.connectionsOpened()).isEqualTo(1);

            // a mail refused before it reaches the server (no valid address) costs neither the session nor the others
            try (MailTransport.Connection connection = smtp.open()) {
                connection.send(
                        "<wire-" + run + "-a@keephope.test>",
                        new MailMessage("a@example.org", "Wire2 " + run, "Hi", "<p>Hi</p>", null));
                try {
                    connection.send(
                            "<wire-" + run + "-b@keephope.test>",
                            new MailMessage("not an address <<>>", "Wire2 " + run, "Hi", "<p>Hi</p>", null));
                    throw new AssertionError("an invalid address must fail");
                } catch (jakarta.mail.MessagingException expected) {
                    // refused before it reached the server
                }
                connection.send(
                        "<wire-" + run + "-c@keephope.test>",
                        new MailMessage("c@example.org", "Wire2 " + run, "Hi", "<p>Hi</p>", null));
            }
            await(() -> received("Wire2 " + run).size() == 2, "the two valid mails");
            assertThat(proxy.accepted.get())
                    .as("the second batch, on one connection")
                    .isEqualTo(2);
        }
    }

    private static List<MimeMessage> received(String subject) {
        return Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return subject.equals(m.getSubject());
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Signer.sleep(50);
        }
    }

    /** A transport that records each mail with the number of the connection it went over. */
    static final class Recording implements MailTransport {

        record Sent(int connection, String subject) {}

        final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger connections = new AtomicInteger();

        @Override
        public Connection open() {
            int number = connections.incrementAndGet();
            return new Connection() {
                @Override
                public void send(String messageId, MailMessage mail) {
                    sent.add(new Sent(number, mail.subject()));
                }

                @Override
                public void close() {}
            };
        }
    }

    /** A TCP relay on loopback in front of GreenMail that counts the connections it accepts. */
    static final class CountingProxy implements AutoCloseable {

        final AtomicInteger accepted = new AtomicInteger();
        private final ServerSocket server;
        private final int target;

        CountingProxy(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(this::accept);
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "counting-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    accepted.incrementAndGet();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    daemon(() -> pipe(client, upstream));
                    daemon(() -> pipe(upstream, client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}

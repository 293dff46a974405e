package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.keephope.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** The tests' GreenMail listens on 127.0.0.1 without TLS: a server on this machine may, and mail still goes. */
class SmtpOnLoopbackIT extends AbstractIntegrationTest {

    @Autowired
    JavaMailSender sender;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aMailServerOnLoopbackIsSpokenToWithoutRequiringTls() {
        JavaMailSenderImpl impl = (JavaMailSenderImpl) sender;
        assertThat(impl.getHost()).isEqualTo("127.0.0.1");
        assertThat(impl.getJavaMailProperties()).doesNotContainKey("mail.smtp.starttls.required");

        String subject = "Loopback " + UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.enqueue(
                new MailMessage("loopback@example.org", subject, "Hello", "<p>Hello</p>", null), "test:loopback"));
        Instant end = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(end) && !received(subject)) {
            Signer.sleep(50);
        }
        assertThat(received(subject)).as("delivered to GreenMail on 127.0.0.1").isTrue();
    }

    private static boolean received(String subject) {
        return Arrays.stream(TestMail.server().getReceivedMessages()).anyMatch(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (Exception e) {
                return false;
            }
        });
    }
}

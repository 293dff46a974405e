package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpSecurityTest {

    static MailProperties properties(boolean insecure) {
        return properties(insecure, false);
    }

    static MailProperties properties(boolean insecure, boolean devMailbox) {
        return new MailProperties(
                "KeepHope <no-reply@localhost>",
                250,
                50,
                4,
                Duration.ofMinutes(2),
                Duration.ofSeconds(10),
                Duration.ofMinutes(30),
                20,
                insecure,
                Duration.ofDays(1),
                Duration.ofDays(30),
                devMailbox);
    }

    @Test
    void aServerElsewhereMustOfferStartTlsWithACertificateForItsName() {
        for (String host : new String[] {"smtp.example.org", "10.0.0.25", "2001:db8::25", "localhost.example.org"}) {
            assertThat(SmtpSecurity.required("smtp", host, false))
                    .as(host)
                    .containsEntry("mail.smtp.starttls.enable", "true")
                    .containsEntry("mail.smtp.starttls.required", "true")
                    .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
        }
        assertThat(SmtpSecurity.required("smtps", "smtp.example.org", false))
                .containsEntry("mail.smtps.ssl.checkserveridentity", "true");
    }

    @Test
    void thisMachineOrAnOperatorsExplicitChoiceMaySpeakPlainText() {
        for (String host : new String[] {"localhost", "LOCALHOST", "127.0.0.1", "127.0.1.1", "::1", "[::1]"}) {
            assertThat(SmtpSecurity.required("smtp", host, false)).as(host).isEmpty();
        }
        assertThat(SmtpSecurity.required("smtp", "smtp.example.org", true)).isEmpty();
        assertThat(Loopback.host(null)).isFalse();
        assertThat(Loopback.host("")).isFalse();
    }

    /** The properties do what they say: JavaMail will not send to a server elsewhere that offers no TLS. */
    @Test
    void aPlainTextServerIsRefusedUnlessItIsOnThisMachine() throws Exception {
        GreenMail plain = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        plain.start();
        try {
            JavaMailSenderImpl elsewhere = sender(plain.getSmtp().getPort());
            elsewhere.setHost("smtp.example.org");
            MailConfig.secure(elsewhere, properties(false));
            elsewhere.setHost("127.0.0.1"); // the same plain-text server, as if it were smtp.example.org
            assertThatThrownBy(() -> elsewhere.send(mail()))
                    .isInstanceOf(MailSendException.class)
                    .hasStackTraceContaining("STARTTLS");
            assertThat(plain.getReceivedMessages()).isEmpty();

            JavaMailSenderImpl local = sender(plain.getSmtp().getPort());
            MailConfig.secure(local, properties(false));
            local.send(mail());
            assertThat(plain.getReceivedMessages()).hasSize(1);
        } finally {
            plain.stop();
        }
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return sender;
    }

    private static SimpleMailMessage mail() {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("no-reply@localhost");
        mail.setTo("anna@example.org");
        mail.setSubject("Hello");
        mail.setText("Hello");
        return mail;
    }
}

package org.keephope.mail;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * SMTP through Boot's {@link JavaMailSender}. With Boot's own {@link JavaMailSenderImpl} (always, unless a
 * JNDI session is allowed with {@code KEEPHOPE_MAIL_INSECURE}) a batch keeps one Jakarta Mail
 * {@link Transport} open for all its mails, connected the way {@code JavaMailSenderImpl} connects (host, port,
 * user, password, the session's TLS settings); a session we did not build sends each mail on its own.
 */
class SmtpTransport implements MailTransport {

    /**
     * Jakarta Mail looks its {@code StreamProvider} up through {@link java.util.ServiceLoader} at every body
     * part it writes and every header it decodes, not once (jakartaee/mail-api#699), and in a fat jar a lookup
     * scans every nested jar. The API's own override, a system property naming the provider, is checked
     * first; it names the one implementation the jar ships (Angus Mail's), so the answer is the same.
     */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", STREAM_PROVIDER);
    }

    private final JavaMailSender sender;
    private final MailProperties properties;
    private final AtomicLong connections = new AtomicLong();

    SmtpTransport(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** SMTP sessions opened so far (for tests and metrics). */
    long connectionsOpened() {
        return connections.get();
    }

    @Override
    public Connection open() {
        if (sender instanceof JavaMailSenderImpl impl) {
            return new Reused(impl);
        }
        return new Connection() {
            @Override
            public void send(String messageId, MailMessage mail) throws Exception {
                connections.incrementAndGet();
                sender.send(compose(sender.createMimeMessage().getSession(), messageId, mail));
            }

            @Override
            public void close() {}
        };
    }

    private final class Reused implements Connection {

        private final JavaMailSenderImpl impl;
        private Transport transport;

        Reused(JavaMailSenderImpl impl) {
            this.impl = impl;
        }

        @Override
        public void send(String messageId, MailMessage mail) throws Exception {
            MimeMessage message = compose(impl.getSession(), messageId, mail);
            // as JavaMailSenderImpl.doSend does before handing a message over
            message.setSentDate(new Date());
            message.saveChanges();
            try {
                if (transport == null) {
                    transport = connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            } catch (Exception e) {
                // the session may be in any state after a failure: the next mail starts a new one
                close();
                throw e;
            }
        }

        private Transport connect() throws MessagingException {
            String protocol = impl.getProtocol() != null
                    ? impl.getProtocol()
                    : impl.getSession().getProperty("mail.transport.protocol");
            Transport t = impl.getSession().getTransport(protocol != null ? protocol : "smtp");
            String username = impl.getUsername();
            String password = impl.getPassword();
            if ("".equals(username)) { // as JavaMailSenderImpl.connectTransport
                username = null;
                if ("".equals(password)) {
                    password = null;
                }
            }
            t.connect(impl.getHost(), impl.getPort(), username, password);
            connections.incrementAndGet();
            return t;
        }

        @Override
        public void close() {
            Transport t = transport;
            transport = null;
            if (t != null) {
                try {
                    t.close();
                } catch (MessagingException | RuntimeException ignored) {
                    // the mails are recorded already; a QUIT that fails loses nothing
                }
            }
        }
    }

    /**
     * Spring's {@link MimeMessageHelper} builds a new {@link ConfigurableMimeFileTypeMap} for every message not
     * made by {@code JavaMailSenderImpl} (ours is not: it keeps the outbox's Message-ID), and that reads the
     * MIME type tables out of the jars each time: in a profile of a signing wave it was two thirds of the mail
     * senders' CPU. The table never changes, so one is built for all messages.
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {

        private static final ConfigurableMimeFileTypeMap TYPES = new ConfigurableMimeFileTypeMap();

        static {
            TYPES.afterPropertiesSet();
        }

        SharedTypesHelper(MimeMessage message) throws MessagingException {
            super(message, true, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return TYPES;
        }
    }

    private MimeMessage compose(Session session, String messageId, MailMessage mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new SharedTypesHelper(message);
        helper.setFrom(new InternetAddress(properties.from(), true));
        helper.setTo(new InternetAddress(mail.to(), true));
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        if (mail.unsubscribe() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }
}

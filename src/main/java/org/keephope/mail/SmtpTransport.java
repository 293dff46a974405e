package org.keephope.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;
    private final MailProperties properties;

    SmtpTransport(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public void send(String messageId, MailMessage mail) throws Exception {
        MimeMessage message = new MimeMessage(sender.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress(properties.from(), true));
        helper.setTo(new InternetAddress(mail.to(), true));
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        if (mail.unsubscribe() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setHeader("Auto-Submitted", "auto-generated");
        sender.send(message);
    }
}

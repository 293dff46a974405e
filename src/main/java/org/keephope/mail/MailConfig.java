package org.keephope.mail;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfig {

    private static final Logger log = LoggerFactory.getLogger(MailConfig.class);

    /** SMTP when {@code SPRING_MAIL_HOST} is set (Boot then makes a JavaMailSender), else the dev mailbox. */
    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> smtp, MailProperties properties, Clock clock) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender != null) {
            return new SmtpTransport(sender, properties);
        }
        log.warn("*** No SMTP server configured (SPRING_MAIL_HOST): mail is NOT sent but kept in memory and shown at "
                + "/dev/mailbox to requests from this machine only. Configure SMTP before real use. ***");
        return new DevMailbox(clock);
    }
}

package org.keephope.mail;

import java.time.Clock;
import java.util.Map;
import org.keephope.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfig {

    private static final Logger log = LoggerFactory.getLogger(MailConfig.class);

    /** SMTP when {@code SPRING_MAIL_HOST} is set (Boot then makes a JavaMailSender), else the dev mailbox. */
    @Bean
    MailTransport mailTransport(
            ObjectProvider<JavaMailSender> smtp, MailProperties properties, SiteProperties site, Clock clock) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender != null) {
            secure(sender, properties);
            return new SmtpTransport(sender, properties);
        }
        if (DevMailboxController.enabled(site.baseUrl(), properties.devMailbox())) {
            log.warn("*** No SMTP server configured (SPRING_MAIL_HOST): mail is NOT sent but kept in memory and "
                    + "shown at /dev/mailbox to requests from this machine only. Configure SMTP before real use. ***");
        } else {
            log.warn(
                    "*** No SMTP server configured (SPRING_MAIL_HOST): mail is NOT sent but kept in memory, and "
                            + "/dev/mailbox is off since the base URL {} is not this machine (KEEPHOPE_DEV_MAILBOX=true "
                            + "turns it on). Configure SMTP: signers get no confirmation mail. ***",
                    site.baseUrl());
        }
        return new DevMailbox(clock);
    }

    /** Requires TLS to a mail server that is not on this machine, before the first mail opens a session. */
    static void secure(JavaMailSender sender, MailProperties properties) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            if (properties.insecure()) {
                return;
            }
            throw new IllegalStateException("KeepHope cannot require TLS of this mail session ("
                    + sender.getClass().getName() + "); configure SPRING_MAIL_HOST, or set "
                    + "KEEPHOPE_MAIL_INSECURE=true to send as the session is configured");
        }
        Map<String, String> required = SmtpSecurity.required(impl.getProtocol(), impl.getHost(), properties.insecure());
        impl.getJavaMailProperties().putAll(required);
        if (properties.insecure() && !Loopback.host(impl.getHost())) {
            log.warn(
                    "*** KEEPHOPE_MAIL_INSECURE=true: mail to {} may travel unencrypted or to an impostor. ***",
                    impl.getHost());
        }
    }
}

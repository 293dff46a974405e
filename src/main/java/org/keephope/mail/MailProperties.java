package org.keephope.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from sender of every mail; {@code KEEPHOPE_MAIL_FROM}
 * @param pollMillis how often each node looks for mail to send; {@code KEEPHOPE_MAIL_POLL_MILLIS}
 * @param batchSize how many mails a sender thread claims at once and sends over one SMTP connection;
 *     {@code KEEPHOPE_MAIL_BATCH_SIZE}
 * @param senders sender threads per node, each with its own SMTP connection; {@code KEEPHOPE_MAIL_SENDERS}
 * @param lease how long a claimed mail is reserved for the node that claimed it; {@code KEEPHOPE_MAIL_LEASE}
 * @param retryInitial wait before the first retry, doubled each time up to {@code retryMax};
 *     {@code KEEPHOPE_MAIL_RETRY_INITIAL}
 * @param retryMax longest wait between retries; {@code KEEPHOPE_MAIL_RETRY_MAX}
 * @param maxAttempts after this many failures a mail is marked failed; {@code KEEPHOPE_MAIL_MAX_ATTEMPTS}
 * @param insecure allow plain-text SMTP (or TLS to a server whose certificate names another host) to a server
 *     that is not on this machine; {@code KEEPHOPE_MAIL_INSECURE}
 * @param keepFinished sent and cancelled mail rows (the message already gone) are deleted after this;
 *     {@code KEEPHOPE_MAIL_KEEP_FINISHED}
 * @param keepFailed failed mail rows (the message deleted after the last attempt) are deleted after this;
 *     {@code KEEPHOPE_MAIL_KEEP_FAILED}
 * @param devMailbox show {@code /dev/mailbox} (without SMTP) even though the base URL is not this machine;
 *     {@code KEEPHOPE_DEV_MAILBOX}
 */
@ConfigurationProperties(prefix = "keephope.mail")
public record MailProperties(
        @DefaultValue("KeepHope <no-reply@localhost>") String from,
        @DefaultValue("250") long pollMillis,
        @DefaultValue("100") int batchSize,
        @DefaultValue("4") int senders,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("10s") Duration retryInitial,
        @DefaultValue("30m") Duration retryMax,
        @DefaultValue("20") int maxAttempts,
        @DefaultValue("false") boolean insecure,
        @DefaultValue("1d") Duration keepFinished,
        @DefaultValue("30d") Duration keepFailed,
        @DefaultValue("false") boolean devMailbox) {

    Duration backoff(int attempts) {
        Duration wait = retryInitial.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}

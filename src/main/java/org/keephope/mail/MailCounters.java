package org.keephope.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** What the mail worker did, for operators: {@code keephope_mail_sent_total}, {@code keephope_mail_failures_total}. */
@Component
class MailCounters {

    final Counter sent;
    final Counter failures;

    MailCounters(MeterRegistry registry) {
        this.sent = Counter.builder("keephope.mail.sent")
                .description("mails the SMTP server accepted")
                .register(registry);
        this.failures = Counter.builder("keephope.mail.failures")
                .description("send attempts that failed (each is retried with backoff until the last attempt)")
                .register(registry);
    }
}

package org.keephope.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * With no SMTP server configured, mail is kept here (in memory, the newest 200) and shown at
 * {@code /dev/mailbox} to requests from this machine, so the demo works on a fresh machine.
 */
public class DevMailbox implements MailTransport {

    public record Captured(String messageId, Instant at, MailMessage mail) {

        private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");

        /** The links in the mail, so a developer can follow them from the mailbox page. */
        public List<String> links() {
            return LINK.matcher(mail.text())
                    .results()
                    .map(r -> r.group())
                    .distinct()
                    .toList();
        }
    }

    private static final int CAPACITY = 200;

    private final Deque<Captured> mails = new ArrayDeque<>();
    private final Clock clock;

    DevMailbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public void send(String messageId, MailMessage mail) {
                DevMailbox.this.send(messageId, mail);
            }

            @Override
            public void close() {}
        };
    }

    public synchronized void send(String messageId, MailMessage mail) {
        mails.addFirst(new Captured(messageId, clock.instant(), mail));
        while (mails.size() > CAPACITY) {
            mails.removeLast();
        }
    }

    public synchronized List<Captured> newestFirst() {
        return List.copyOf(mails);
    }
}

package org.keephope.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.keephope.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail module's facade. A mail is written to the outbox in the caller's transaction: it exists if and
 * only if what caused it was committed, and a worker on any node sends it afterwards.
 */
@Service
public class Outbox {

    static final String CONTEXT = "mail.outbox";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxRepository repository;
    private final PersonalData personalData;
    private final MailProperties properties;
    private final Clock clock;

    Outbox(OutboxRepository repository, PersonalData personalData, MailProperties properties, Clock clock) {
        this.repository = repository;
        this.personalData = personalData;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues a notice ({@link MailPriority#NOTICE}); {@code reference} names what it is about, so it can be
     * cancelled (e.g. on erasure).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(MailMessage mail, String reference) {
        enqueue(mail, reference, MailPriority.NOTICE);
    }

    /** Queues a mail; mail of a higher priority is sent before any of a lower one that is due. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(MailMessage mail, String reference, MailPriority priority) {
        repository.insert(
                reference, personalData.encrypt(MailCodec.encode(mail), CONTEXT), priority.rank, clock.instant());
    }

    /** A mail, what it is about and how urgent it is, for {@link #enqueueAll}. */
    public record Queued(MailMessage mail, String reference, MailPriority priority) {}

    /** Queues many mails with one batched statement, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAll(List<Queued> mails) {
        if (mails.isEmpty()) {
            return;
        }
        List<OutboxRepository.Row> rows = new ArrayList<>(mails.size());
        for (Queued q : mails) {
            rows.add(new OutboxRepository.Row(
                    q.reference(), personalData.encrypt(MailCodec.encode(q.mail()), CONTEXT), q.priority().rank));
        }
        repository.insertAll(rows, clock.instant());
    }

    /**
     * Forgets all mail about something (on erasure): unsent mail is not sent, and no row is left that ties it
     * (e.g. {@code signature:<id>}) to the times its mails were written and sent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forget(String reference) {
        return repository.deleteAbout(reference);
    }

    /**
     * Deletes what sent and cancelled mail leaves behind after {@code keepFinished} (a day), and failed mail
     * (its message already gone) after {@code keepFailed}: a reference with its times is a trace of who did
     * what when. Any node may run it at any time; a row deleted twice is deleted once.
     */
    @Scheduled(initialDelay = 90_000, fixedDelay = 3_600_000)
    @Transactional
    public int deleteLeftovers() {
        Instant now = clock.instant();
        int deleted =
                repository.deleteLeftovers(now.minus(properties.keepFinished()), now.minus(properties.keepFailed()));
        if (deleted > 0) {
            log.info("Deleted {} sent, cancelled or failed mail rows", deleted);
        }
        return deleted;
    }

    @Transactional(readOnly = true)
    public OutboxHealth health() {
        return repository.health(clock.instant());
    }
}

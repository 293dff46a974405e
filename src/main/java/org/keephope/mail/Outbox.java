package org.keephope.mail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.keephope.privacy.PersonalData;
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

    private final OutboxRepository repository;
    private final PersonalData personalData;
    private final Clock clock;

    Outbox(OutboxRepository repository, PersonalData personalData, Clock clock) {
        this.repository = repository;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** Queues a mail; {@code reference} names what it is about, so it can be cancelled (e.g. on erasure). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(MailMessage mail, String reference) {
        repository.insert(reference, personalData.encrypt(MailCodec.encode(mail), CONTEXT), clock.instant());
    }

    /** A mail and what it is about, for {@link #enqueueAll}. */
    public record Queued(MailMessage mail, String reference) {}

    /** Queues many mails with one batched statement, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAll(List<Queued> mails) {
        if (mails.isEmpty()) {
            return;
        }
        List<OutboxRepository.Row> rows = new ArrayList<>(mails.size());
        for (Queued q : mails) {
            rows.add(
                    new OutboxRepository.Row(q.reference(), personalData.encrypt(MailCodec.encode(q.mail()), CONTEXT)));
        }
        repository.insertAll(rows, clock.instant());
    }

    /** Cancels unsent mail about something, deleting its content. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancel(String reference) {
        return repository.cancel(reference);
    }

    @Transactional(readOnly = true)
    public OutboxHealth health() {
        return repository.health(clock.instant());
    }
}

package org.keephope.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.keephope.audit.AuditLog;
import org.keephope.mail.Outbox;
import org.keephope.privacy.EmailAddress;
import org.keephope.privacy.Fingerprints;
import org.keephope.privacy.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with signatures: moderate comments, find a signature by its exact email (through the
 * keyed MAC, since emails are encrypted), erase it, export a campaign's confirmed signatures. Every write
 * and every export is in the audit log.
 */
@Service
public class StaffSignatures {

    /** The keyed hash of a searched address in the audit log. */
    static final String SEARCH_MAC = "audit.signature-search";

    public record PendingComment(UUID id, long campaignId, String country, String comment, Instant confirmedAt) {}

    public record Found(
            UUID id, long campaignId, SignatureStatus status, String country, Instant createdAt, Instant confirmedAt) {}

    private final StaffSignatureRepository staffRepository;
    private final SignatureRepository repository;
    private final Fingerprints fingerprints;
    private final PersonalData personalData;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    StaffSignatures(
            StaffSignatureRepository staffRepository,
            SignatureRepository repository,
            Fingerprints fingerprints,
            PersonalData personalData,
            Outbox outbox,
            AuditLog audit,
            Clock clock) {
        this.staffRepository = staffRepository;
        this.repository = repository;
        this.fingerprints = fingerprints;
        this.personalData = personalData;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Comments of confirmed signatures that wait for a decision, oldest first. */
    @Transactional(readOnly = true)
    public List<PendingComment> commentsWaiting(int limit) {
        return staffRepository.commentsWaiting(limit);
    }

    @Transactional(readOnly = true)
    public long commentsWaitingCount() {
        return staffRepository.commentsWaitingCount();
    }

    /** Approves a comment (shown in the public list if its signer chose to be shown) or rejects it (deleted). */
    @Transactional
    public boolean moderate(UUID id, boolean approve, String actor) {
        int changed = approve ? staffRepository.approveComment(id) : staffRepository.rejectComment(id);
        if (changed == 1) {
            audit.record(actor, approve ? "comment.approve" : "comment.reject", "signature", id, null);
        }
        return changed == 1;
    }

    /**
     * Signatures of one exact address (canonicalised as at signing), in every campaign. The audit entry holds
     * a keyed hash of the address searched, not the address: whoever holds the key can tell whether a given
     * address was looked up, and by whom; a reader of the log learns nothing. Its purpose differs from the
     * dedup key's, so the entry cannot be joined to the signature rows without the key either.
     */
    @Transactional
    public List<Found> findByEmail(String email, String actor) {
        String canonical = EmailAddress.canonical(email);
        audit.record(
                actor,
                "signature.search",
                "signature",
                null,
                "address-mac "
                        + HexFormat.of().formatHex(Fingerprints.truncate(fingerprints.of(SEARCH_MAC, canonical), 16)));
        return staffRepository.findByEmailMac(fingerprints.of(Signing.EMAIL_MAC, canonical));
    }

    /** Erases a signer's personal data, as the signer's own erase link does. */
    @Transactional
    public boolean erase(UUID id, String actor) {
        var status = staffRepository.statusIfErasable(id);
        if (status.isEmpty()) {
            return false;
        }
        outbox.forget(SignatureWriter.reference(id));
        repository.erase(id, status.get(), clock.instant());
        audit.record(actor, "signature.erase", "signature", id, null);
        return true;
    }

    /**
     * Streams a campaign's confirmed signatures as CSV, row by row (constant memory whatever the count),
     * with only what each signer agreed to: name and email only for those who asked to be kept informed,
     * the first name for those who chose to be shown, the comment once approved. Cells that a spreadsheet
     * would run as a formula are defused.
     */
    @Transactional // not read-only: the export itself is written to the audit log
    public long exportCsv(long campaignId, Writer out, String actor) {
        audit.record(actor, "signature.export", "campaign", campaignId, null);
        write(out, "confirmed_at,country,language,first_name,last_name,email,comment,keep_informed,show_publicly\n");
        long[] rows = {0};
        staffRepository.eachConfirmed(campaignId, row -> {
            String first = null;
            String last = null;
            String email = null;
            if (row.keepInformed() && row.nameEnc() != null) {
                String[] name = personalData
                        .decrypt(row.nameEnc(), Signing.NAME_CONTEXT)
                        .split("\n", 2);
                first = name[0];
                last = name.length > 1 ? name[1] : "";
                email = personalData.decrypt(row.emailEnc(), Signing.EMAIL_CONTEXT);
            } else if (row.showPublicly()) {
                first = row.publicName();
            }
            write(
                    out,
                    String.join(
                                    ",",
                                    Csv.cell(String.valueOf(row.confirmedAt())),
                                    Csv.cell(row.country()),
                                    Csv.cell(row.locale()),
                                    Csv.cell(first),
                                    Csv.cell(last),
                                    Csv.cell(email),
                                    Csv.cell(row.comment()),
                                    String.valueOf(row.keepInformed()),
                                    String.valueOf(row.showPublicly()))
                            + "\n");
            rows[0]++;
        });
        return rows[0];
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

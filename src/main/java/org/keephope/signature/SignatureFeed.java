package org.keephope.signature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.keephope.audit.AuditLog;
import org.keephope.privacy.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's signatures page by page, for the API ({@code read:signatures}). Keyset pagination: a page
 * ends at a {@link Position} (the time it is ordered by and the signature's id), and the next page starts
 * after it, so rows confirmed meanwhile are neither skipped nor repeated, and a page costs one indexed range
 * read whatever its depth.
 *
 * <p>Only what each signer agreed to, as in the staff CSV export: name and email only of confirmed signers
 * who asked to be kept informed, the first name of those who chose to be shown, the comment once approved.
 * An unconfirmed signature shows no personal data at all: anyone can type anyone's address into the form,
 * and until its owner confirms it is not theirs. Erased signatures are not listed. Every page read is in
 * the audit log, with how many signatures and how many with contact details it handed out.
 */
@Service
public class SignatureFeed {

    /** Which signatures: confirmed (ordered by confirmation) or pending (ordered by when they were made). */
    public enum Status {
        CONFIRMED,
        PENDING
    }

    /** Where a page ended: the time the list is ordered by, then the signature's id. */
    public record Position(Instant at, UUID id) {}

    /**
     * One signature as the API hands it out; {@code null} for what the signer did not agree to share.
     *
     * @param keepInformed null while pending: the choices are not yet the address owner's
     * @param publicName the first name as shown in the public list, for those who chose to be shown
     */
    public record Entry(
            UUID id,
            Status status,
            String country,
            String language,
            Instant createdAt,
            Instant confirmedAt,
            Boolean keepInformed,
            Boolean showPublicly,
            String firstName,
            String lastName,
            String email,
            String publicName,
            String comment) {}

    /** A page, and where the next one starts (null after the last). */
    public record Page(List<Entry> entries, Position next) {}

    private final SignatureFeedRepository repository;
    private final PersonalData personalData;
    private final AuditLog audit;

    SignatureFeed(SignatureFeedRepository repository, PersonalData personalData, AuditLog audit) {
        this.repository = repository;
        this.personalData = personalData;
        this.audit = audit;
    }

    /**
     * Up to {@code limit} signatures of a campaign in {@code status}, after {@code after} (null: from the
     * start), ordered at or after {@code since} and before {@code until} (either may be null), audited as
     * read by {@code actor}.
     */
    @Transactional // not read-only: the read is written to the audit log
    public Page page(
            long campaignId, Status status, Instant since, Instant until, Position after, int limit, String actor) {
        List<Entry> rows = new ArrayList<>(repository.page(campaignId, status, since, until, after, limit + 1).stream()
                .map(row -> entry(row, status))
                .toList());
        Position next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            Entry last = rows.get(limit - 1);
            next = new Position(status == Status.CONFIRMED ? last.confirmedAt() : last.createdAt(), last.id());
        }
        audited(campaignId, status.name().toLowerCase(java.util.Locale.ROOT), rows, actor);
        return new Page(List.copyOf(rows), next);
    }

    /** A numbered page of confirmed signatures and how many there are, for clients that page by number (OSDI). */
    public record Numbered(List<Entry> entries, long total) {}

    /**
     * Confirmed signatures {@code offset} to {@code offset + limit} in the order of {@link #page}, with their
     * total: for OSDI, whose paging is by number. Audited as {@link #page} is.
     */
    @Transactional
    public Numbered pageByNumber(long campaignId, int offset, int limit, String actor) {
        long total = repository.countConfirmed(campaignId);
        List<Entry> rows = offset >= total
                ? List.of()
                : repository.confirmedByNumber(campaignId, offset, limit).stream()
                        .map(row -> entry(row, Status.CONFIRMED))
                        .toList();
        audited(campaignId, "confirmed, from " + (offset + 1), rows, actor);
        return new Numbered(List.copyOf(rows), total);
    }

    private void audited(long campaignId, String what, List<Entry> rows, String actor) {
        long withContact = rows.stream().filter(e -> e.email() != null).count();
        audit.record(
                actor,
                "signature.api-read",
                "campaign",
                campaignId,
                what + ", " + rows.size() + " signatures, " + withContact + " with name and email");
    }

    private Entry entry(SignatureFeedRepository.Stored row, Status status) {
        return entry(
                row.id(),
                status,
                row.country(),
                row.locale(),
                row.createdAt(),
                row.confirmedAt(),
                row.keepInformed(),
                row.showPublicly(),
                row.nameEnc(),
                row.emailEnc(),
                row.publicName(),
                row.comment());
    }

    private Entry entry(
            UUID id,
            Status status,
            String country,
            String language,
            Instant createdAt,
            Instant confirmedAt,
            boolean keepInformed,
            boolean showPublicly,
            byte[] nameEnc,
            byte[] emailEnc,
            String publicName,
            String comment) {
        if (status == Status.PENDING) {
            return new Entry(id, status, country, language, createdAt, null, null, null, null, null, null, null, null);
        }
        String first = null;
        String last = null;
        String email = null;
        if (keepInformed && nameEnc != null && emailEnc != null) {
            String[] name = personalData.decrypt(nameEnc, Signing.NAME_CONTEXT).split("\n", 2);
            first = name[0];
            last = name.length > 1 ? name[1] : "";
            email = personalData.decrypt(emailEnc, Signing.EMAIL_CONTEXT);
        }
        return new Entry(
                id,
                status,
                country,
                language,
                createdAt,
                confirmedAt,
                keepInformed,
                showPublicly,
                first,
                last,
                email,
                showPublicly ? publicName : null,
                comment);
    }
}

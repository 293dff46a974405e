package org.keephope.signature;

import java.util.List;
import java.util.UUID;
import org.keephope.privacy.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supporters of a campaign who confirmed and asked to be kept informed (the sign form's box), for the modules that
 * mail them news of the campaign, such as a target's response. Read in batches, in signature id order, so that a
 * mailing can go on from where it stopped; an erased signature is never among them.
 */
@Service
@Transactional(readOnly = true)
public class KeptInformed {

    /**
     * One supporter to mail: the outbox reference is the signature's own, so that erasing the signature also
     * cancels a mail not sent yet.
     */
    public record Recipient(
            UUID signatureId, String email, String firstName, String locale, String reference, String stopPath) {

        @Override
        public String toString() {
            return "Recipient[" + signatureId + "]"; // never the address in a log line
        }
    }

    private static final String STOP_CONTEXT = "updates.stop";

    private final KeptInformedRepository repository;
    private final PersonalData crypto;

    KeptInformed(KeptInformedRepository repository, PersonalData crypto) {
        this.repository = repository;
        this.crypto = crypto;
    }

    /**
     * The path of the link in each mail that stops them ({@code /updates/stop/{token}}): the signature's id,
     * AEAD-encrypted, so it needs no row, cannot be forged, and keeps working (stopping twice changes nothing).
     */
    public String stopPath(UUID signatureId) {
        java.nio.ByteBuffer plain = java.nio.ByteBuffer.allocate(16)
                .putLong(signatureId.getMostSignificantBits())
                .putLong(signatureId.getLeastSignificantBits());
        return "/updates/stop/"
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(crypto.encrypt(plain.array(), STOP_CONTEXT));
    }

    /** The signature a stop link names; empty for anything that is not a link of ours. */
    java.util.Optional<UUID> openStop(String token) {
        if (token == null || token.length() > 200 || !token.matches("[A-Za-z0-9_-]+")) {
            return java.util.Optional.empty();
        }
        try {
            java.nio.ByteBuffer plain = java.nio.ByteBuffer.wrap(
                    crypto.decryptBytes(java.util.Base64.getUrlDecoder().decode(token), STOP_CONTEXT));
            if (plain.remaining() != 16) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new UUID(plain.getLong(), plain.getLong()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return java.util.Optional.empty(); // not base64, or not ours
        }
    }

    /** Whether the signature of a stop link is still kept informed (false: stopped, erased or gone). */
    boolean isKeptInformed(UUID signatureId) {
        return repository.isKeptInformed(signatureId);
    }

    /** Stops the mails to a supporter: they are no longer kept informed. */
    @Transactional
    public void stop(UUID signatureId) {
        repository.stop(signatureId);
    }

    /** How many supporters of a campaign are kept informed now. */
    public long count(long campaignId) {
        return repository.count(campaignId);
    }

    /** Up to {@code limit} of them after the signature {@code after} (null: from the start), decrypted. */
    public List<Recipient> after(long campaignId, UUID after, int limit) {
        return repository.after(campaignId, after, limit).stream()
                .map(row -> {
                    String email = crypto.decrypt(row.emailEnc(), Signing.EMAIL_CONTEXT);
                    String first = row.nameEnc() == null
                            ? ""
                            : crypto.decrypt(row.nameEnc(), Signing.NAME_CONTEXT)
                                    .split("\n", 2)[0];
                    return new Recipient(
                            row.id(),
                            email,
                            first,
                            row.locale(),
                            SignatureWriter.reference(row.id()),
                            stopPath(row.id()));
                })
                .toList();
    }
}

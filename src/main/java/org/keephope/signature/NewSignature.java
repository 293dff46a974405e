package org.keephope.signature;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.keephope.mail.MailMessage;

/**
 * A signature ready to write: validated, the email canonicalised and MAC'd, personal data encrypted, tokens
 * drawn and hashed, the confirmation mail composed; the rarely needed "already signed" mail is composed only
 * if the address turns out to have signed. Both are null for a signature imported as confirmed (its signer
 * confirmed elsewhere): it is written without a mail, and an address that had signed is left as it was.
 */
record NewSignature(
        UUID id,
        long campaignId,
        byte[] emailMac,
        byte[] emailEnc,
        byte[] nameEnc,
        String publicName,
        String country,
        String comment,
        boolean showPublicly,
        boolean keepInformed,
        String locale,
        String consentVersion,
        Instant createdAt,
        byte[] confirmTokenHash,
        Instant confirmExpiresAt,
        byte[] eraseTokenHash,
        MailMessage confirmationMail,
        java.util.function.Supplier<MailMessage> alreadySignedMail,
        List<Attached<?>> attachments) {

    /** What one {@link SignatureAttachment} prepared for this signature. */
    record Attached<P>(SignatureAttachment<P> by, P prepared) {}
}

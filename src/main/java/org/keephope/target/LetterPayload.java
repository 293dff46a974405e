package org.keephope.target;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.keephope.privacy.PersonalData;

/**
 * What a queued letter holds of its supporter — name, country, the subject and text they sent and their language —
 * as one AEAD-encrypted blob bound to the supporter and the target, so it cannot be moved to another letter.
 */
record LetterPayload(String firstName, String lastName, String country, String locale, String subject, String text) {

    @Override
    public String toString() {
        return "LetterPayload[" + country + "]"; // never the name or the text in a log line
    }

    static String context(UUID signatureId, long targetId) {
        return "letter:" + signatureId + ":" + targetId;
    }

    byte[] seal(PersonalData crypto, UUID signatureId, long targetId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String part : new String[] {firstName, lastName, country, locale, subject, text}) {
                out.writeUTF(part == null ? "" : part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crypto.encrypt(bytes.toByteArray(), context(signatureId, targetId));
    }

    static LetterPayload open(PersonalData crypto, byte[] sealed, UUID signatureId, long targetId) {
        byte[] plain = crypto.decryptBytes(sealed, context(signatureId, targetId));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            return new LetterPayload(
                    in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

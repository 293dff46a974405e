package org.keephope.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.keephope.privacy.PersonalData;
import org.springframework.stereotype.Component;

/**
 * The choices of a form sent again for a pending signature, kept beside the signature's own until the
 * owner of the address confirms them: one AEAD-encrypted blob, its associated data naming the signature,
 * so it decrypts only on the row it was written for. The email and name inside are the ciphertexts that
 * the columns take when it is applied.
 */
@Component
class PendingChange {

    private static final int VERSION = 1;
    private static final String CONTEXT = "signature.change:";

    /** What a confirmation of the change writes into the signature. */
    record Choices(
            byte[] emailEnc,
            byte[] nameEnc,
            String publicName,
            String country,
            String comment,
            boolean showPublicly,
            boolean keepInformed,
            String locale,
            String consentVersion) {

        static Choices of(NewSignature s) {
            return new Choices(
                    s.emailEnc(),
                    s.nameEnc(),
                    s.publicName(),
                    s.country(),
                    s.comment(),
                    s.showPublicly(),
                    s.keepInformed(),
                    s.locale(),
                    s.consentVersion());
        }
    }

    private final PersonalData personalData;

    PendingChange(PersonalData personalData) {
        this.personalData = personalData;
    }

    byte[] seal(Choices choices, UUID signatureId) {
        return personalData.encrypt(encode(choices), CONTEXT + signatureId);
    }

    Choices open(byte[] sealed, UUID signatureId) {
        return decode(personalData.decryptBytes(sealed, CONTEXT + signatureId));
    }

    static byte[] encode(Choices c) {
        try (var bytes = new ByteArrayOutputStream();
                var out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            writeBytes(out, c.emailEnc());
            writeBytes(out, c.nameEnc());
            for (String text :
                    new String[] {c.publicName(), c.country(), c.comment(), c.locale(), c.consentVersion()}) {
                writeBytes(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
            }
            out.writeBoolean(c.showPublicly());
            out.writeBoolean(c.keepInformed());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Choices decode(byte[] data) {
        try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != VERSION) {
                throw new IllegalStateException("unknown format of a pending change");
            }
            byte[] emailEnc = readBytes(in);
            byte[] nameEnc = readBytes(in);
            String[] texts = new String[5];
            for (int i = 0; i < texts.length; i++) {
                byte[] utf8 = readBytes(in);
                texts[i] = utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
            }
            return new Choices(
                    emailEnc,
                    nameEnc,
                    texts[0],
                    texts[1],
                    texts[2],
                    in.readBoolean(),
                    in.readBoolean(),
                    texts[3],
                    texts[4]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }
}

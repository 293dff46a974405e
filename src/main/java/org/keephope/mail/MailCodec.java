package org.keephope.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A mail as bytes, before encryption: length-prefixed UTF-8 fields. */
final class MailCodec {

    private static final int VERSION = 1;

    private MailCodec() {}

    static byte[] encode(MailMessage mail) {
        try (var bytes = new ByteArrayOutputStream();
                var out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            for (String field :
                    new String[] {mail.to(), mail.subject(), mail.text(), mail.html(), mail.unsubscribe()}) {
                if (field == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MailMessage decode(byte[] data) {
        try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != VERSION) {
                throw new IllegalStateException("unknown mail format");
            }
            String[] fields = new String[5];
            for (int i = 0; i < fields.length; i++) {
                int length = in.readInt();
                if (length >= 0) {
                    fields[i] = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                }
            }
            return new MailMessage(fields[0], fields[1], fields[2], fields[3], fields[4]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

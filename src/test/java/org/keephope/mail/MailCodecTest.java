package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MailCodecTest {

    @Test
    void aMailComesBackFieldForField() {
        var mail = new MailMessage(
                "anna@example.org",
                "Подтвердите подпись ✓",
                "Hallo Anna,\r\nbitte bestätigen.\n",
                "<p>Hallo <b>Anna</b></p>",
                "https://keephope.test/updates/unsubscribe?t=abc");
        assertThat(MailCodec.decode(MailCodec.encode(mail))).isEqualTo(mail);
    }

    @Test
    void missingFieldsStayMissingAndEmptyOnesStayEmpty() {
        var mail = new MailMessage("anna@example.org", "", "text", null, null);
        var back = MailCodec.decode(MailCodec.encode(mail));
        assertThat(back).isEqualTo(mail);
        assertThat(back.subject()).isEmpty();
        assertThat(back.html()).isNull();
        assertThat(back.unsubscribe()).isNull();
    }

    @Test
    void theFormatIsAVersionThenLengthPrefixedUtf8() {
        byte[] bytes = MailCodec.encode(new MailMessage("a@b", "ü", "", null, null));
        var expected = ByteBuffer.allocate(4 + (4 + 3) + (4 + 2) + 4 + 4 + 4)
                .putInt(1)
                .putInt(3)
                .put(new byte[] {'a', '@', 'b'})
                .putInt(2)
                .put(new byte[] {(byte) 0xc3, (byte) 0xbc})
                .putInt(0)
                .putInt(-1)
                .putInt(-1)
                .array();
        assertThat(bytes).containsExactly(expected);
    }

    @Test
    void anUnknownVersionIsRefused() {
        byte[] bytes = MailCodec.encode(new MailMessage("a@b", "s", "t", null, null));
        bytes[3] = 2;
        assertThatThrownBy(() -> MailCodec.decode(bytes))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unknown mail format");
    }

    @Test
    void aTruncatedMailIsAnErrorNotAShorterMail() {
        byte[] bytes = MailCodec.encode(new MailMessage("a@b", "s", "t", null, null));
        assertThatThrownBy(() -> MailCodec.decode(Arrays.copyOf(bytes, bytes.length - 4)))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}

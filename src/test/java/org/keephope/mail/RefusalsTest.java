package org.keephope.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** Which SMTP failures are a recipient refused for good, as Jakarta Mail's SMTP provider reports them. */
class RefusalsTest {

    @Test
    void aRecipientRefusedWith5xxIsPermanentEvenWhenChained() throws Exception {
        var address = new InternetAddress("office@gov.example");
        var refused = new SMTPAddressFailedException(address, "RCPT TO:<office@gov.example>", 550, "550 No such user");
        var top = new SendFailedException("Invalid Addresses", refused, null, null, new InternetAddress[] {address});
        assertThat(Refusals.permanentCode(top)).isEqualTo(550);
        assertThat(Refusals.permanentCode(new IllegalStateException("wrapped", top)))
                .isEqualTo(550);
    }

    @Test
    void aTemporaryRefusalOrASessionFailureIsRetried() throws Exception {
        var address = new InternetAddress("office@gov.example");
        var busy = new SMTPAddressFailedException(address, "RCPT TO:<office@gov.example>", 451, "451 Try later");
        assertThat(Refusals.permanentCode(new SendFailedException("Invalid Addresses", busy)))
                .isZero();
        var auth = new SMTPSendFailedException("MAIL FROM", 530, "530 Authentication required", null, null, null, null);
        assertThat(Refusals.permanentCode(auth))
                .as("a 5xx about the session is not the address's fault")
                .isZero();
        assertThat(Refusals.permanentCode(new MessagingException("Connection refused")))
                .isZero();
    }
}

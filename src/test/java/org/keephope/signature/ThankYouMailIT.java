package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.test.context.TestPropertySource;

/**
 * The thank-you mail after confirming (issue 10 item 4, issue 15 item 4): once per confirmation, in the
 * signer's language, with the letter to their own leader and the receipt, which the server-side check accepts.
 * An application context of its own: the other tests count a signer's mails without it.
 */
@TestPropertySource(properties = "keephope.test.thank-you-mail=true")
class ThankYouMailIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";

    List<MimeMessage> signAndConfirm(Signer signer, String lang) {
        String page = PAGE + (lang == null ? "" : "?lang=" + lang);
        String path = PAGE + "/sign" + (lang == null ? "" : "?lang=" + lang);
        assertThat(post(path, signer.formFrom(get(page).body())).statusCode()).isEqualTo(303);
        String confirm = Signer.link(signer.awaitMail(), "/confirm/");
        assertThat(post(confirm, Map.of()).statusCode()).isEqualTo(303);
        return signer.awaitMails(2, Duration.ofSeconds(15));
    }

    @Test
    void aConfirmedSignerGetsOneThankYouWithTheLetterAndAReceiptThatChecks() {
        Signer ada = new Signer("Ada", "DE");
        List<MimeMessage> mails = signAndConfirm(ada, null);
        MimeMessage thanks = mails.get(1);
        String text = Signer.text(thanks).replace("\r\n", "\n");
        assertThat(subject(thanks)).startsWith("Thank you: your signature for");
        assertThat(text)
                .startsWith("Hello Ada,")
                .contains("is confirmed and counted")
                .contains("/letters/")
                .contains("keephope-receipt/v1\n")
                .contains("c2sp.org/tlog-proof@v1")
                .contains("/campaigns/keep-hope-alive/log/verify")
                .contains("use the last link of the mail that asked you to confirm")
                .doesNotContain(ada.email);
        assertThat(Signer.link(thanks, "/letters/")).startsWith("/letters/");

        String receipt = text.substring(text.indexOf("keephope-receipt/v1"), text.indexOf("\n\n-- \n") + 1);
        var checked = post(PAGE + "/log/verify", Map.of("receipt", receipt));
        assertThat(checked.body()).contains("The receipt is valid");

        // a second confirmation of the same link changes nothing and mails nothing
        post(Signer.link(mails.get(0), "/confirm/"), Map.of());
        Signer.sleep(1500);
        assertThat(ada.mails()).as("one thank-you per confirmation").hasSize(2);
    }

    @Test
    void theMailIsInTheSignersLanguage() {
        Signer ivan = new Signer("Иван", "RU");
        MimeMessage thanks = signAndConfirm(ivan, "ru").get(1);
        assertThat(subject(thanks)).startsWith("Спасибо: ваша подпись");
        assertThat(Signer.text(thanks)).startsWith("Здравствуйте, Иван!").contains("Ниже ваша квитанция");
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.keephope.mail;

import java.util.List;

/**
 * The parts of a mail KeepHope writes to a person (a signer, a staff member): {@link MailComposer} lays them out
 * as HTML through {@code mail/message.jte} and lists them in the text part. {@code actionUrl} (optional) is the
 * one button; {@code preformatted} (optional) is text kept line by line, such as a receipt. The footer closes the
 * mail: when {@code footerUrl} is set it is the page that erases the recipient's data, also sent as the
 * {@code List-Unsubscribe} header; without it {@code footerLabel} stands alone (where the erase link is, or why
 * the mail came).
 */
public record MailParts(
        String lang,
        String greeting,
        List<String> paragraphs,
        String actionUrl,
        String actionLabel,
        String footerUrl,
        String footerLabel,
        String preformatted) {

    public MailParts(
            String lang,
            String greeting,
            List<String> paragraphs,
            String actionUrl,
            String actionLabel,
            String footerUrl,
            String footerLabel) {
        this(lang, greeting, paragraphs, actionUrl, actionLabel, footerUrl, footerLabel, null);
    }
}

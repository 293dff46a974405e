package org.keephope.signature;

import java.util.List;

/**
 * The parts of a signer's mail: the HTML template lays them out, the text part lists them. {@code preformatted}
 * (optional) is text to keep line by line, such as a receipt; {@code eraseUrl} may be null when the mail cannot
 * carry the erase link (its token is kept only as a hash), and {@code eraseLabel} then says where it is.
 */
public record MailParts(
        String lang,
        String greeting,
        List<String> paragraphs,
        String actionUrl,
        String actionLabel,
        String eraseUrl,
        String eraseLabel,
        String preformatted) {

    public MailParts(
            String lang,
            String greeting,
            List<String> paragraphs,
            String actionUrl,
            String actionLabel,
            String eraseUrl,
            String eraseLabel) {
        this(lang, greeting, paragraphs, actionUrl, actionLabel, eraseUrl, eraseLabel, null);
    }
}

package org.keephope.mail;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one way a mail to a person is written: its parts, already in the recipient's language, become a plain-text
 * part and an HTML part from {@code mail/message.jte} (which escapes everything in them).
 */
@Component
public class MailComposer {

    private final TemplateEngine templates;

    MailComposer(TemplateEngine templates) {
        this.templates = templates;
    }

    public MailMessage compose(String to, String subject, MailParts parts) {
        StringBuilder text = new StringBuilder(parts.greeting()).append("\n\n");
        for (String paragraph : parts.paragraphs()) {
            text.append(paragraph).append("\n\n");
        }
        if (parts.actionUrl() != null) {
            text.append(parts.actionLabel())
                    .append(":\n")
                    .append(parts.actionUrl())
                    .append("\n\n");
        }
        if (parts.preformatted() != null) {
            text.append(parts.preformatted()).append("\n\n");
        }
        text.append("-- \n").append(parts.footerLabel());
        text.append(parts.footerUrl() == null ? "\n" : ":\n" + parts.footerUrl() + "\n");
        StringOutput html = new StringOutput();
        templates.render("mail/message.jte", Map.of("parts", parts, "subject", subject), html);
        return new MailMessage(to, subject, text.toString(), html.toString(), parts.footerUrl());
    }
}

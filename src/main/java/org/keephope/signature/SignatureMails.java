package org.keephope.signature;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keephope.mail.MailMessage;
import org.keephope.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails a signer gets, in the signer's language, as plain text and HTML. Every one carries the link
 * that erases the signer's data. What the signer typed is escaped in the HTML part by the template.
 */
@Component
class SignatureMails {

    private final MessageSource messages;
    private final TemplateEngine templates;
    private final SiteProperties site;
    private final SigningProperties properties;

    SignatureMails(
            MessageSource messages, TemplateEngine templates, SiteProperties site, SigningProperties properties) {
        this.messages = messages;
        this.templates = templates;
        this.site = site;
        this.properties = properties;
    }

    MailMessage confirmation(
            String to, String firstName, String campaignTitle, String confirmToken, String eraseToken, Locale locale) {
        String confirmUrl = site.absolute("/confirm/" + confirmToken);
        return compose(
                to,
                t("sign.mail.confirm.subject", locale, campaignTitle),
                new MailParts(
                        locale.getLanguage(),
                        t("sign.mail.greeting", locale, firstName),
                        List.of(
                                t("sign.mail.confirm.thanks", locale, campaignTitle),
                                t("sign.mail.confirm.action", locale),
                                t(
                                        "sign.mail.confirm.validity",
                                        locale,
                                        properties.confirmationValidity().toDays(),
                                        properties.unconfirmedRetention().toDays())),
                        confirmUrl,
                        t("sign.mail.confirm.button", locale),
                        site.absolute("/erase/" + eraseToken),
                        t("sign.mail.erase", locale)));
    }

    MailMessage alreadySigned(String to, String firstName, String campaignTitle, String eraseToken, Locale locale) {
        return compose(
                to,
                t("sign.mail.already.subject", locale, campaignTitle),
                new MailParts(
                        locale.getLanguage(),
                        t("sign.mail.greeting", locale, firstName),
                        List.of(t("sign.mail.already.text", locale, campaignTitle)),
                        null,
                        null,
                        site.absolute("/erase/" + eraseToken),
                        t("sign.mail.erase", locale)));
    }

    private MailMessage compose(String to, String subject, MailParts parts) {
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
        text.append("-- \n")
                .append(parts.eraseLabel())
                .append(":\n")
                .append(parts.eraseUrl())
                .append("\n");
        StringOutput html = new StringOutput();
        templates.render("mail/signer.jte", Map.of("parts", parts, "subject", subject), html);
        return new MailMessage(to, subject, text.toString(), html.toString(), parts.eraseUrl());
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

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

    /**
     * After confirming: thanks, what other modules offer (a letter to the supporter's own leader) and the
     * receipt, when the log has one yet. The erase link is the one in the confirmation mail (only its hash is
     * kept), so this mail says where it is.
     */
    MailMessage thankYou(
            String to,
            String firstName,
            String campaignTitle,
            List<AfterConfirming.Offer> offers,
            SignatureReceipts.Receipt receipt,
            String campaignPath,
            Locale locale) {
        List<String> paragraphs = new java.util.ArrayList<>();
        paragraphs.add(t("sign.mail.thanks.counted", locale, campaignTitle));
        for (AfterConfirming.Offer offer : offers) {
            paragraphs.add(offer.heading() + ": " + offer.text());
        }
        if (receipt != null) {
            paragraphs.add(t("sign.mail.thanks.receipt", locale, site.absolute(campaignPath + "/log/verify")));
        }
        AfterConfirming.Offer first = offers.isEmpty() ? null : offers.get(0);
        return compose(
                to,
                t("sign.mail.thanks.subject", locale, campaignTitle),
                new MailParts(
                        locale.getLanguage(),
                        t("sign.mail.greeting", locale, firstName),
                        paragraphs,
                        first == null ? null : site.absolute(first.path()),
                        first == null ? null : first.button(),
                        null,
                        t("sign.mail.thanks.erase", locale),
                        receipt == null ? null : receipt.text()));
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
        if (parts.preformatted() != null) {
            text.append(parts.preformatted()).append("\n\n");
        }
        text.append("-- \n").append(parts.eraseLabel());
        text.append(parts.eraseUrl() == null ? "\n" : ":\n" + parts.eraseUrl() + "\n");
        StringOutput html = new StringOutput();
        templates.render("mail/signer.jte", Map.of("parts", parts, "subject", subject), html);
        return new MailMessage(to, subject, text.toString(), html.toString(), parts.eraseUrl());
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

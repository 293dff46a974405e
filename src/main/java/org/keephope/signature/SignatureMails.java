package org.keephope.signature;

import java.util.List;
import java.util.Locale;
import org.keephope.mail.MailComposer;
import org.keephope.mail.MailMessage;
import org.keephope.mail.MailParts;
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
    private final MailComposer composer;
    private final SiteProperties site;
    private final SigningProperties properties;

    SignatureMails(MessageSource messages, MailComposer composer, SiteProperties site, SigningProperties properties) {
        this.messages = messages;
        this.composer = composer;
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
        return composer.compose(to, subject, parts);
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

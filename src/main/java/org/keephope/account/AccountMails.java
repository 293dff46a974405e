package org.keephope.account;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.keephope.mail.MailComposer;
import org.keephope.mail.MailMessage;
import org.keephope.mail.MailParts;
import org.keephope.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails a staff member gets, in the language of the page they were asked from (an invitation: the
 * inviter's; a reset: the member's own), from the message files and the one mail template, as the signers'
 * mails are.
 */
@Component
class AccountMails {

    private final MessageSource messages;
    private final MailComposer composer;
    private final SiteProperties site;

    AccountMails(MessageSource messages, MailComposer composer, SiteProperties site) {
        this.messages = messages;
        this.composer = composer;
        this.site = site;
    }

    MailMessage invitation(String to, StaffRole role, String link, Duration validity, Locale locale) {
        return composer.compose(
                to,
                t("account.mail.invite.subject", locale),
                new MailParts(
                        locale.getLanguage(),
                        t("account.mail.greeting", locale),
                        List.of(
                                t("account.mail.invite.text", locale, site.absolute("/"), role.name()),
                                t("account.mail.invite.validity", locale, validity.toHours()),
                                t("account.mail.invite.next", locale)),
                        link,
                        t("account.mail.invite.button", locale),
                        null,
                        t("account.mail.footer", locale)));
    }

    MailMessage reset(String to, String link, Duration validity, Locale locale) {
        return composer.compose(
                to,
                t("account.mail.reset.subject", locale),
                new MailParts(
                        locale.getLanguage(),
                        t("account.mail.greeting", locale),
                        List.of(
                                t("account.mail.reset.text", locale),
                                t("account.mail.reset.validity", locale, validity.toMinutes()),
                                t("account.mail.reset.factor", locale)),
                        link,
                        t("account.mail.reset.button", locale),
                        null,
                        t("account.mail.footer", locale)));
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

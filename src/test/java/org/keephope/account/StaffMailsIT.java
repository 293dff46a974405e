package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractStaffTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Staff mails (issue 9 item 6) come from the message files and the one mail template, in the language of the
 * page they were asked from, with a text and an HTML part, and no List-Unsubscribe (they erase no one's data).
 */
class StaffMailsIT extends AbstractStaffTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    AccountProperties properties;

    StaffFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = StaffFixtures.from(context);
    }

    static MimeMessage awaitOneMail(String address) {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        List<MimeMessage> mails = Signer.mailsTo(address);
        while (mails.isEmpty() && Instant.now().isBefore(end)) {
            Signer.sleep(50);
            mails = Signer.mailsTo(address);
        }
        assertThat(mails).as("mails to " + address).hasSize(1);
        return mails.get(0);
    }

    void requestReset(String email, String language) throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/login/reset")
                .param("email", email)
                .header("Accept-Language", language)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr("192.0.2." + (1 + Math.floorMod(email.hashCode(), 250)));
                    return request;
                }));
    }

    @Test
    void aResetAskedForFromARussianPageIsMailedInRussian() throws Exception {
        var member = fixtures.create(StaffRole.EDITOR);
        requestReset(member.email(), "ru");
        MimeMessage mail = awaitOneMail(member.email());

        assertThat(mail.getSubject()).isEqualTo("Сброс пароля KeepHope");
        String text = Signer.text(mail);
        String link = Signer.link(mail, "/login/reset/");
        assertThat(text)
                .startsWith("Здравствуйте!")
                .contains("Кто-то (надеемся, вы) попросил сбросить ваш служебный пароль KeepHope.")
                .contains("Она действует " + properties.resetValidity().toMinutes() + " мин, один раз.")
                .contains("Выбрать новый пароль:\n")
                .contains(link)
                .doesNotContain("Reset");
        assertThat(Signer.html(mail))
                .contains("<html lang=\"ru\">")
                .contains("<a href=\"http")
                .contains(link + "\"")
                .contains(">Выбрать новый пароль</a>");
        assertThat(mail.getHeader("List-Unsubscribe")).isNull();
    }

    @Test
    void aResetAskedForFromAnEnglishPageIsMailedInEnglish() throws Exception {
        var member = fixtures.create(StaffRole.EDITOR);
        requestReset(member.email(), "en");
        MimeMessage mail = awaitOneMail(member.email());

        assertThat(mail.getSubject()).isEqualTo("Reset your KeepHope password");
        assertThat(Signer.text(mail))
                .startsWith("Hello,")
                .contains("It works for " + properties.resetValidity().toMinutes() + " minutes, once.")
                .contains("You will still need your second factor to sign in.")
                .contains(Signer.link(mail, "/login/reset/"));
        assertThat(Signer.html(mail)).contains("<html lang=\"en\">").contains(">Choose a new password</a>");
    }

    @Test
    void anInvitationIsInTheInvitersLanguageAndNamesTheRole() throws Exception {
        var admin = fixtures.create(StaffRole.ADMIN);
        StaffMember inviter = accounts.find(admin.id()).orElseThrow();
        String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        assertThat(accounts.invite(inviter, invitee, StaffRole.EDITOR, null, Locale.forLanguageTag("ru")))
                .isTrue();
        MimeMessage mail = awaitOneMail(invitee);

        assertThat(mail.getSubject()).isEqualTo("Ваша служебная учётная запись KeepHope");
        assertThat(Signer.text(mail))
                .contains("с ролью EDITOR.")
                .contains("Она действует " + properties.inviteValidity().toHours() + " ч, один раз.")
                .contains(Signer.link(mail, "/setup/"));
        assertThat(Signer.html(mail)).contains("<html lang=\"ru\">").contains(">Настроить учётную запись</a>");
    }
}

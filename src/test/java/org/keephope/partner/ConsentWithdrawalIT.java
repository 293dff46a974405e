package org.keephope.partner;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.account.SignedInStaff;
import org.keephope.coalition.Organisations;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issue 11 item 7: a supporter withdraws one partner's consent from the link in their mail. That partner's
 * copy goes (export, counts), the other partner keeps the supporter, the consent row keeps its evidence and
 * the time of withdrawal, and {@link PartnerConsentWithdrawn} is published once, inside the transaction.
 */
class ConsentWithdrawalIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";
    static final String EXPORT = "/partner/campaigns/keep-hope-alive/supporters.csv";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organisations organisations;

    @Autowired
    Partners partners;

    @Autowired
    org.keephope.privacy.Fingerprints fingerprints;

    @BeforeEach
    void partnersAsTheDemoSetsThemUp() {
        DemoPartners.asTheDemoSetsThemUp(context);
    }

    long org(String slug) {
        return organisations.bySlug(slug).orElseThrow().id();
    }

    /** Signs the demo campaign ticking these partners' boxes; the confirmation mail. */
    MimeMessage sign(Signer signer, String... slugs) {
        String page = get(PAGE).body();
        Matcher shown =
                Pattern.compile("name=\"consentShown\" value=\"([0-9 ]*)\"").matcher(page);
        assertThat(shown.find()).isTrue();
        signer.with("consentShown", shown.group(1));
        for (String slug : slugs) {
            Matcher box = Pattern.compile(
                            "id=\"consent_(\\d+)\" name=\"consent_\\d+\" value=\"on\">\\s*<label for=\"consent_\\d+\">"
                                    + Pattern.quote(organisations
                                            .bySlug(slug)
                                            .orElseThrow()
                                            .name()))
                    .matcher(page);
            assertThat(box.find()).as(slug).isTrue();
            signer.with("consent_" + box.group(1), "on");
        }
        assertThat(post(PAGE + "/sign", signer.formFrom(page)).statusCode()).isEqualTo(303);
        return signer.awaitMail();
    }

    long optIns(String slug) {
        long campaign = jdbc.sql("select id from campaign where slug = 'keep-hope-alive'")
                .query(Long.class)
                .single();
        return partners.lines(campaign).stream()
                .filter(l -> l.slug().equals(slug))
                .findFirst()
                .orElseThrow()
                .optInsConfirmed();
    }

    String export(SignedInStaff.Session partner) {
        var csv = get(EXPORT, "Cookie", partner.cookie());
        assertThat(csv.statusCode()).isEqualTo(200);
        return csv.body();
    }

    record Heard(PartnerConsentWithdrawn event, boolean inTransaction) {}

    @Test
    void withdrawingOnePartnerFromTheMailLinkTakesTheSupporterFromThatPartnerAloneOnce() {
        Signer ivy = new Signer("Ivy", "NO");
        MimeMessage mail = sign(ivy, "front-line-defenders", "civil-rights-defenders");
        post(Signer.link(mail, "/confirm/"), Map.of());
        UUID id = jdbc.sql("select id from signature where email_mac = ?")
                .param(fingerprints.of("signature.email", org.keephope.privacy.EmailAddress.canonical(ivy.email)))
                .query(UUID.class)
                .single();
        var fld = SignedInStaff.partner(context, port, org("front-line-defenders"));
        var crd = SignedInStaff.partner(context, port, org("civil-rights-defenders"));
        assertThat(export(fld)).contains(ivy.email);
        assertThat(export(crd)).contains(ivy.email);
        long fldBefore = optIns("front-line-defenders");
        long crdBefore = optIns("civil-rights-defenders");

        // the page behind the mail's erase link lists the two partners, in both languages, a button each
        String link = Signer.link(mail, "/erase/");
        String page = get(link).body();
        assertThat(page)
                .contains("Stop Front Line Defenders from contacting me")
                .contains("Stop Civil Rights Defenders from contacting me")
                .doesNotContain("Stop ILGA-Europe")
                .contains("action=\"" + link + "/withdraw\"");
        assertThat(get(link + "?lang=ru").body()).contains("Запретить Front Line Defenders писать мне");

        List<Heard> heard = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<?>> listener = e -> {
            if (e.getPayload() instanceof PartnerConsentWithdrawn w
                    && w.signatureId().equals(id)) {
                heard.add(new Heard(w, TransactionSynchronizationManager.isActualTransactionActive()));
            }
        };
        var configurable = (ConfigurableApplicationContext) context;
        configurable.addApplicationListener(listener);
        try {
            var withdrawn = post(link + "/withdraw", Map.of("consent", "front-line-defenders"));
            assertThat(withdrawn.statusCode()).isEqualTo(200);
            assertThat(withdrawn.body()).contains("Front Line Defenders will no longer contact you");
            var again = post(link + "/withdraw", Map.of("consent", "front-line-defenders"));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("Already withdrawn");
            assertThat(post(link + "/withdraw?lang=ru", Map.of("consent", "front-line-defenders"))
                            .body())
                    .contains("Согласие уже отозвано");
        } finally {
            configurable.removeApplicationListener(listener);
        }
        assertThat(heard)
                .as("published once, inside the withdrawing transaction")
                .containsExactly(new Heard(
                        new PartnerConsentWithdrawn(
                                id,
                                org("front-line-defenders"),
                                jdbc.sql("select id from campaign where slug = 'keep-hope-alive'")
                                        .query(Long.class)
                                        .single()),
                        true));

        // that partner no longer has the supporter, the other still does
        assertThat(export(fld)).doesNotContain(ivy.email);
        assertThat(export(crd)).contains(ivy.email);
        assertThat(optIns("front-line-defenders")).isEqualTo(fldBefore - 1);
        assertThat(optIns("civil-rights-defenders")).isEqualTo(crdBefore);
        assertThat(jdbc.sql("select organisation_id from partner_supporter where signature_id = ?")
                        .param(id)
                        .query(Long.class)
                        .list())
                .containsExactly(org("civil-rights-defenders"));

        // the consent's evidence stays, with the time it was withdrawn
        var evidence = jdbc.sql("select ticked, shown_at, confirmed_at, withdrawn_at from partner_consent"
                        + " where signature_id = ? and organisation_id = ?")
                .params(id, org("front-line-defenders"))
                .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getObject(2), rs.getObject(3), rs.getObject(4)})
                .single();
        assertThat(evidence[0]).isEqualTo(true);
        assertThat(evidence).doesNotContainNull();
        assertThat(jdbc.sql("select count(*) from partner_consent where signature_id = ? and withdrawn_at is not null")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("only that partner's consent is withdrawn")
                .isEqualTo(1);

        // audited once, without personal data
        List<String> details = jdbc.sql("select actor || ' ' || object_id || ' ' || detail from audit_entry"
                        + " where action = 'partner.consent-withdrawn' and detail = ?")
                .param("organisation " + org("front-line-defenders"))
                .query(String.class)
                .list();
        assertThat(details)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d)
                        .doesNotContain(ivy.email)
                        .doesNotContain("Ivy")
                        .doesNotContain(id.toString()));

        // the page now says so, and keeps the other partner's button
        String after = get(link).body();
        assertThat(after)
                .contains("Front Line Defenders: consent withdrawn")
                .doesNotContain("Stop Front Line Defenders")
                .contains("Stop Civil Rights Defenders from contacting me");
    }

    @Test
    void aStaleOrWrongWithdrawalIsNotFoundAndChangesNothing() {
        Signer jo = new Signer("Jo", "FI");
        MimeMessage mail = sign(jo, "ilga-europe");
        String link = Signer.link(mail, "/erase/");
        assertThat(post("/erase/no-such-token/withdraw", Map.of("consent", "ilga-europe"))
                        .statusCode())
                .isEqualTo(404);
        for (String consent : List.of("freedom-house", "no-such-partner", "", "'; drop table x")) {
            var answer = post(link + "/withdraw", Map.of("consent", consent));
            assertThat(answer.statusCode()).as(consent).isEqualTo(404);
            assertThat(answer.body()).contains("This link is not valid");
        }
        assertThat(post(link + "/withdraw", Map.of()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from partner_consent where withdrawn_at is not null and signature_id in"
                                + " (select signature_id from partner_supporter where organisation_id = ?)")
                        .param(org("ilga-europe"))
                        .query(Long.class)
                        .single())
                .isZero();

        // once erased, the link no longer withdraws anything (and the erasure took every copy)
        assertThat(post(link, Map.of()).statusCode()).isEqualTo(200);
        assertThat(post(link + "/withdraw", Map.of("consent", "ilga-europe")).statusCode())
                .isEqualTo(404);
        assertThat(get(link).statusCode()).isEqualTo(404);
    }
}

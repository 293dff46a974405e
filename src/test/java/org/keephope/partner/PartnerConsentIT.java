package org.keephope.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keephope.coalition.Organisations;
import org.keephope.privacy.PersonalData;
import org.keephope.support.AbstractStaffTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Consent per partner on the sign form (issue 11 item 1) and attribution by {@code ?src=} (item 2), on the demo
 * campaign, whose six coalition members all collect supporters.
 */
class PartnerConsentIT extends AbstractStaffTest {

    static final String PAGE = "/campaigns/keep-hope-alive";
    static final Pattern BOX = Pattern.compile(
            "<input type=\"checkbox\" id=\"consent_(\\d+)\" name=\"consent_\\d+\" value=\"on\">\\s*<label for=\"consent_\\d+\">([^<]+)</label>");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personalData;

    @Autowired
    Organisations organisations;

    @Autowired
    PartnerDirectory directory;

    @Autowired
    Partners partners;

    @Autowired
    org.springframework.context.MessageSource messages;

    /**
     * Every partner of the demo campaign collects, with the default texts, as the demo set them up: other tests
     * (FuzzIT posts every staff form) change them in the same database.
     */
    @org.junit.jupiter.api.BeforeEach
    void partnersCollectWithTheirDefaultTexts() {
        long campaign = jdbc.sql("select id from campaign where slug = 'keep-hope-alive'")
                .query(Long.class)
                .single();
        List<Long> members = jdbc.sql("select organisation_id from partner_campaign where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .list();
        for (var organisation : organisations.byIds(members).values()) {
            Map<String, String> texts = new java.util.HashMap<>();
            for (String locale : List.of("en", "ru")) {
                texts.put(
                        locale,
                        messages.getMessage(
                                "partner.consent.default",
                                new Object[] {organisation.name()},
                                java.util.Locale.forLanguageTag(locale)));
            }
            partners.configure(
                    campaign, organisation, true, "https://" + organisation.slug() + ".example", texts, "test");
        }
    }

    record Box(long textId, String text) {}

    static List<Box> boxes(String page) {
        List<Box> boxes = new ArrayList<>();
        Matcher m = BOX.matcher(page);
        while (m.find()) {
            boxes.add(new Box(Long.parseLong(m.group(1)), m.group(2)));
        }
        return boxes;
    }

    static String shown(String page) {
        Matcher m = Pattern.compile("name=\"consentShown\" value=\"([0-9 ]*)\"").matcher(page);
        assertThat(m.find()).as("the form says which boxes it shows").isTrue();
        return m.group(1);
    }

    @Autowired
    org.keephope.privacy.Fingerprints fingerprints;

    UUID signatureOf(Signer signer) {
        return jdbc.sql("select id from signature where email_mac = ?")
                .param(fingerprints.of("signature.email", org.keephope.privacy.EmailAddress.canonical(signer.email)))
                .query(UUID.class)
                .single();
    }

    @Test
    void eachCollectingPartnerHasAnUntickedBoxAndWhatWasShownAndTickedIsStored() throws Exception {
        String page = get(PAGE + "?src=front-line-defenders").body();
        List<Box> boxes = boxes(page);
        assertThat(boxes).as("six unticked boxes, one per coalition member").hasSize(6);
        assertThat(boxes.get(0).text()).isEqualTo("Civil Rights Defenders may email me about its work");
        assertThat(page).contains("name=\"src\" value=\"front-line-defenders\"");
        assertThat(page).doesNotContain("checked");
        assertThat(boxes(get(PAGE + "?lang=ru").body()).get(0).text())
                .isEqualTo("Civil Rights Defenders может писать мне о своей работе");

        Signer ada = new Signer("Ada", "IE")
                .with("consentShown", shown(page))
                .with("src", "front-line-defenders")
                .with("consent_" + boxes.get(0).textId(), "on")
                .with("consent_" + boxes.get(2).textId(), "on");
        var answer = post(PAGE + "/sign", ada.formFrom(page));
        assertThat(answer.statusCode()).isEqualTo(303);
        MimeMessage mail = ada.awaitMail();
        UUID id = signatureOf(ada);

        record Row(long organisationId, long textId, boolean ticked, String page, int version, String locale) {}
        List<Row> rows = jdbc.sql("""
                        select c.organisation_id, c.consent_text_id, c.ticked, c.page, t.version, t.locale
                          from partner_consent c join consent_text t on t.id = c.consent_text_id
                         where c.signature_id = ? and c.shown_at is not null order by c.consent_text_id
                        """)
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getString(4), rs.getInt(5), rs.getString(6)))
                .list();
        assertThat(rows).hasSize(6);
        assertThat(rows)
                .filteredOn(Row::ticked)
                .extracting(Row::textId)
                .containsExactlyInAnyOrder(boxes.get(0).textId(), boxes.get(2).textId());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.page()).isEqualTo(PAGE);
            assertThat(r.locale()).isEqualTo("en");
        });

        // the two ticked partners hold a sealed copy, nobody else; the host's copy opens with the host's key
        var copies = jdbc.sql(
                        "select organisation_id, sealed, sealed_with from partner_supporter where signature_id = ?")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2), rs.getString(3)})
                .list();
        assertThat(copies).hasSize(2);
        for (Object[] copy : copies) {
            assertThat(copy[2]).isEqualTo("HOST");
            var record = SupporterRecord.parse(
                    personalData.decryptBytes((byte[]) copy[1], ConsentAttachment.hostContext(id, (Long) copy[0])));
            assertThat(record.email()).isEqualTo(ada.email);
            assertThat(record.lastName()).isEqualTo("Tester");
        }

        // attributed to Front Line Defenders, and not shown in public
        long fld = organisations.bySlug("front-line-defenders").orElseThrow().id();
        assertThat(jdbc.sql("select organisation_id from signature_source where signature_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(fld);
        assertThat(get(PAGE + "/signers").body()).doesNotContain("front-line-defenders\"");

        // confirming marks the partner rows confirmed; erasing deletes every partner's copy, keeps the evidence
        post(Signer.link(mail, "/confirm/"), Map.of());
        assertThat(jdbc.sql(
                                "select count(*) from partner_supporter where signature_id = ? and confirmed_at is not null")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(post(Signer.link(mail, "/erase/"), Map.of()).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from partner_supporter where signature_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("erasure leaves no partner copy")
                .isZero();
        assertThat(jdbc.sql("select count(*) from partner_consent where signature_id = ? and ticked = true")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("what was shown and ticked stays as evidence, without personal data")
                .isEqualTo(2);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** "confirmed / all" attributed to a partner, as the staff start page shows it. */
    static String attributed(String dashboard, String partner) {
        Matcher m = Pattern.compile("<tr data-partner=\"" + partner + "\"><td>[^<]+</td><td>([^<]+)</td>")
                .matcher(dashboard);
        assertThat(m.find()).as("a line for " + partner).isTrue();
        return m.group(1).strip();
    }

    @Test
    void theStaffStartPageCountsSignaturesPerPartner() throws Exception {
        var admin = org.keephope.account.SignedInStaff.admin(context, port);
        String before = attributed(get("/admin", "Cookie", admin.cookie()).body(), "ilga-europe");
        String page = get(PAGE + "?src=ilga-europe").body();
        Signer di = new Signer("Di", "BE").with("src", "ilga-europe");
        assertThat(post(PAGE + "/sign", di.formFrom(page)).statusCode()).isEqualTo(303);
        MimeMessage mail = di.awaitMail();
        String[] b = before.split(" / ");
        assertThat(attributed(get("/admin", "Cookie", admin.cookie()).body(), "ilga-europe"))
                .isEqualTo(b[0] + " / " + (Long.parseLong(b[1]) + 1));
        post(Signer.link(mail, "/confirm/"), Map.of());
        assertThat(attributed(get("/admin", "Cookie", admin.cookie()).body(), "ilga-europe"))
                .isEqualTo((Long.parseLong(b[0]) + 1) + " / " + (Long.parseLong(b[1]) + 1));
    }

    @Test
    void aWrongSrcAndForeignTextIdsAreIgnored() throws Exception {
        String page = get(PAGE + "?src=nobody-at-all").body();
        assertThat(page).doesNotContain("name=\"src\"");
        Signer bo = new Signer("Bo", "DK")
                .with("src", "nobody-at-all")
                .with("consentShown", "999999999 abc")
                .with("consent_999999999", "on");
        assertThat(post(PAGE + "/sign", bo.formFrom(page)).statusCode()).isEqualTo(303);
        bo.awaitMail();
        UUID id = signatureOf(bo);
        assertThat(jdbc.sql("select count(*) from signature_source where signature_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from partner_consent where signature_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anEditedTextIsANewVersionAndEachSignatureKeepsTheOneItWasShown() throws Exception {
        long org = organisations.bySlug("freedom-house").orElseThrow().id();
        String before = get(PAGE).body();
        Box old = boxes(before).stream()
                .filter(b -> b.text().startsWith("Freedom House"))
                .findFirst()
                .orElseThrow();

        var form = MockMvcRequestBuilders.post("/admin/campaigns/keep-hope-alive/partners");
        var members = jdbc.sql("select p.organisation_id, p.embed_origin from partner_campaign p"
                        + " join campaign c on c.id = p.campaign_id where c.slug = 'keep-hope-alive'")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list();
        assertThat(members).hasSize(6);
        for (var m : members) {
            form.param("collects_" + m.getKey(), "on");
            form.param("origin_" + m.getKey(), m.getValue());
        }
        form.param("text_en_" + org, "Freedom House may email me (v2)");
        var saved = mvc.perform(
                        form.with(user("ed@keephope.test").roles("EDITOR")).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        directory.forget();
        String after = get(PAGE).body();
        Box fresh = boxes(after).stream()
                .filter(b -> b.text().startsWith("Freedom House"))
                .findFirst()
                .orElseThrow();
        assertThat(fresh.text()).isEqualTo("Freedom House may email me (v2)");
        assertThat(fresh.textId()).isNotEqualTo(old.textId());
        assertThat(jdbc.sql("select version from consent_text where id = ?")
                        .param(fresh.textId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(jdbc.sql("select version from consent_text where id = ?")
                                .param(old.textId())
                                .query(Integer.class)
                                .single()
                        + 1);

        // a form served before the edit is recorded with the text it showed
        Signer cy = new Signer("Cy", "FI").with("consentShown", shown(before)).with("consent_" + old.textId(), "on");
        assertThat(post(PAGE + "/sign", cy.formFrom(before)).statusCode()).isEqualTo(303);
        cy.awaitMail();
        assertThat(jdbc.sql("select consent_text_id from partner_consent where signature_id = ? and ticked = true")
                        .param(signatureOf(cy))
                        .query(Long.class)
                        .single())
                .isEqualTo(old.textId());

        // an origin that is not one is a field error
        var wrong = MockMvcRequestBuilders.post("/admin/campaigns/keep-hope-alive/partners")
                .param("origin_" + org, "https://example.org/path?x")
                .with(user("ed@keephope.test").roles("EDITOR"))
                .with(csrf());
        var refused = mvc.perform(wrong).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("origin_" + org + "-error");
    }
}

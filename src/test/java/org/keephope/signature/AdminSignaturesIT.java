package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.support.AbstractStaffTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class AdminSignaturesIT extends AbstractStaffTest {

    static final String PAGE = "/campaigns/keep-hope-alive";
    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    Signer confirmedSigner(Signer signer) {
        assertThat(post(PAGE + "/sign", signer.formFrom(get(PAGE).body())).statusCode())
                .isEqualTo(303);
        post(Signer.link(signer.awaitMail(), "/confirm/"), Map.of());
        return signer;
    }

    UUID idOf(String comment) {
        return jdbc.sql("select id from signature where comment = ?")
                .param(comment)
                .query(UUID.class)
                .single();
    }

    @Test
    void anonymousVisitorsGetNoStaffScreen() throws Exception {
        for (String path : new String[] {
            "/admin/moderation", "/admin/signatures", "/admin/campaigns/keep-hope-alive/signatures.csv"
        }) {
            int status = mvc.perform(MockMvcRequestBuilders.get(path))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(path).isIn(302, 401, 403);
        }
    }

    @Test
    void anApprovedCommentAppearsInThePublicListARejectedOneIsDeleted() throws Exception {
        String good = "Solidarity " + UUID.randomUUID();
        String bad = "Spam " + UUID.randomUUID();
        confirmedSigner(new Signer("Rita", "AT").with("showPublicly", "on").with("comment", good));
        confirmedSigner(new Signer("Sven", "AT").with("showPublicly", "on").with("comment", bad));
        assertThat(get(PAGE + "/signers").body()).doesNotContain(good).doesNotContain(bad);

        String queue = mvc.perform(
                        MockMvcRequestBuilders.get("/admin/moderation").with(EDITOR))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(queue).contains(good).contains(bad);

        UUID goodId = idOf(good);
        UUID badId = idOf(bad);
        var approved = mvc.perform(MockMvcRequestBuilders.post("/admin/moderation/" + goodId + "/approve")
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn();
        assertThat(approved.getResponse().getStatus()).isEqualTo(303);
        mvc.perform(MockMvcRequestBuilders.post("/admin/moderation/" + badId + "/reject")
                .with(EDITOR)
                .with(csrf()));

        assertThat(get(PAGE + "/signers").body()).contains(good).doesNotContain(bad);
        assertThat(jdbc.sql("select comment from signature where id = ?")
                        .param(badId)
                        .query(String.class)
                        .optional())
                .isEmpty();
        assertThat(audit.newest(0, 20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("comment.approve");
            assertThat(e.actor()).isEqualTo("editor@keephope.test");
            assertThat(e.objectId()).isEqualTo(goodId.toString());
        });
    }

    @Test
    void staffFormsRefuseAPostWithoutCsrfToken() throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.post("/admin/moderation/" + UUID.randomUUID() + "/approve")
                        .with(EDITOR))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void aSignatureIsFoundByItsExactAddressAndErased() throws Exception {
        Signer tom = confirmedSigner(new Signer("Tom", "BE"));
        String page = mvc.perform(MockMvcRequestBuilders.get("/admin/signatures")
                        .param("email", tom.email.toUpperCase())
                        .with(EDITOR))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("CONFIRMED").contains("/erase\"");
        UUID id = jdbc.sql("select id from signature where email_mac is not null and country = 'BE'")
                .query(UUID.class)
                .single();
        var erased = mvc.perform(MockMvcRequestBuilders.post("/admin/signatures/" + id + "/erase")
                        .with(EDITOR)
                        .with(csrf()))
                .andReturn();
        assertThat(erased.getResponse().getStatus()).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from signature where id = ? and email_enc is null and name_enc is null")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/admin/signatures")
                                .param("email", tom.email)
                                .with(EDITOR))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("No signature has this address");
        var invalid = mvc.perform(MockMvcRequestBuilders.get("/admin/signatures")
                        .param("email", "not an address")
                        .with(EDITOR))
                .andReturn();
        assertThat(invalid.getResponse().getContentAsString()).contains("id=\"email-error\"");
    }

    @Test
    void theExportHoldsOnlyWhatEachSignerAgreedTo() throws Exception {
        Signer informed = confirmedSigner(new Signer("Ulla", "DK").with("keepInformed", "on"));
        Signer shown = confirmedSigner(new Signer("=HYPERLINK(\"http://evil\")", "DK").with("showPublicly", "on"));
        Signer neither = confirmedSigner(new Signer("Vera", "DK"));

        var response = mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/keep-hope-alive/signatures.csv")
                        .with(EDITOR))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        String csv = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith(
                        "confirmed_at,country,language,first_name,last_name,email,comment,keep_informed,show_publicly\n");
        assertThat(csv).contains(",DK,en,Ulla,Tester," + informed.email + ",,true,false");
        assertThat(csv).contains(",DK,en,\"'=HYPERLINK(\"\"http://evil\"\")\",,,,false,true");
        assertThat(csv).doesNotContain(shown.email).doesNotContain("Vera").doesNotContain(neither.email);
        assertThat(audit.newest(0, 50)).anySatisfy(e -> assertThat(e.action()).isEqualTo("signature.export"));
    }
}

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
    /** An editor an admin gave the DATA permission on /admin/users. */
    static final RequestPostProcessor DATA_EDITOR =
            user("data-editor@keephope.test").roles("EDITOR", "DATA");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    org.keephope.privacy.Fingerprints fingerprints;

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

    String search(String email) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/admin/signatures")
                        .param("email", email)
                        .with(DATA_EDITOR)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void anEditorWithoutTheDataPermissionCannotFindEraseOrExportSupporters() throws Exception {
        var requests = java.util.List.of(
                MockMvcRequestBuilders.get("/admin/signatures"),
                MockMvcRequestBuilders.post("/admin/signatures").param("email", "x@example.org"),
                MockMvcRequestBuilders.post("/admin/signatures/" + UUID.randomUUID() + "/erase"),
                MockMvcRequestBuilders.get("/admin/campaigns/keep-hope-alive/signatures.csv"));
        for (var request : requests) {
            var response =
                    mvc.perform(request.with(EDITOR).with(csrf())).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getContentAsString()).doesNotContain("x@example.org");
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/admin/moderation").with(EDITOR))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("moderating comments stays an editor's job")
                .isEqualTo(200);
    }

    @Test
    void theSearchIsAPostAndItsAuditEntryHoldsAKeyedHashNotTheAddress() throws Exception {
        Signer una = confirmedSigner(new Signer("Una", "IE"));
        long searchesBefore = searches();
        String viaUrl = mvc.perform(MockMvcRequestBuilders.get("/admin/signatures")
                        .param("email", una.email)
                        .with(DATA_EDITOR))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(viaUrl).as("an address in the URL finds nothing").doesNotContain("CONFIRMED");
        assertThat(viaUrl).contains("method=\"post\" action=\"/admin/signatures\"");
        assertThat(searches()).isEqualTo(searchesBefore);

        assertThat(search(una.email)).contains("CONFIRMED");
        var entry = audit.newest(0, 20).stream()
                .filter(e -> e.action().equals("signature.search"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.actor()).isEqualTo("data-editor@keephope.test");
        String mac = java.util.HexFormat.of()
                .formatHex(org.keephope.privacy.Fingerprints.truncate(
                        fingerprints.of(
                                StaffSignatures.SEARCH_MAC, org.keephope.privacy.EmailAddress.canonical(una.email)),
                        16));
        assertThat(entry.detail()).isEqualTo("address-mac " + mac).doesNotContain(una.email);
        assertThat(jdbc.sql("select count(*) from audit_entry where detail like ? or actor like ?")
                        .params("%" + una.email + "%", "%" + una.email + "%")
                        .query(Long.class)
                        .single())
                .as("the address is nowhere in the audit log")
                .isZero();
    }

    long searches() {
        return jdbc.sql("select count(*) from audit_entry where action = 'signature.search'")
                .query(Long.class)
                .single();
    }

    @Test
    void aSignatureIsFoundByItsExactAddressAndErased() throws Exception {
        Signer tom = confirmedSigner(new Signer("Tom", "BE"));
        String page = mvc.perform(MockMvcRequestBuilders.post("/admin/signatures")
                        .param("email", tom.email.toUpperCase())
                        .with(DATA_EDITOR)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("CONFIRMED").contains("/erase\"");
        // Tom's own row: other tests sign from Belgium too
        UUID id = jdbc.sql("select id from signature where email_mac = ?")
                .param(fingerprints.of(Signing.EMAIL_MAC, org.keephope.privacy.EmailAddress.canonical(tom.email)))
                .query(UUID.class)
                .single();
        var erased = mvc.perform(MockMvcRequestBuilders.post("/admin/signatures/" + id + "/erase")
                        .with(DATA_EDITOR)
                        .with(csrf()))
                .andReturn();
        assertThat(erased.getResponse().getStatus()).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from signature where id = ? and email_enc is null and name_enc is null")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(search(tom.email)).contains("No signature has this address");
        var invalid = mvc.perform(MockMvcRequestBuilders.post("/admin/signatures")
                        .param("email", "not an address")
                        .with(DATA_EDITOR)
                        .with(csrf()))
                .andReturn();
        assertThat(invalid.getResponse().getStatus()).isEqualTo(422);
        assertThat(invalid.getResponse().getContentAsString())
                .contains("id=\"email-error\"")
                .contains("value=\"not an address\"");
    }

    @Test
    void theExportHoldsOnlyWhatEachSignerAgreedTo() throws Exception {
        Signer informed = confirmedSigner(new Signer("Ulla", "DK").with("keepInformed", "on"));
        Signer shown = confirmedSigner(new Signer("=HYPERLINK(\"http://evil\")", "DK").with("showPublicly", "on"));
        Signer neither = confirmedSigner(new Signer("Vera", "DK"));

        var response = mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/keep-hope-alive/signatures.csv")
                        .with(DATA_EDITOR))
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

package org.keephope.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.support.AbstractStaffTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class AdminCampaignsIT extends AbstractStaffTest {

    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");

    @Autowired
    AuditLog audit;

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, Map<String, String> form) throws Exception {
        form.forEach((k, v) -> request.param(k, v));
        return mvc.perform(request.with(EDITOR).with(csrf())).andReturn().getResponse();
    }

    MockHttpServletResponse page(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(EDITOR))
                .andReturn()
                .getResponse();
    }

    static Map<String, String> campaign(String slug) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("slug", slug);
        form.put("title", "Free the journalists " + slug);
        form.put("summary", "Ask for their release.");
        form.put("body", "They reported **the truth**.");
        form.put("eventName", "UN Human Rights Council");
        form.put("eventPlace", "Geneva");
        form.put("eventStarts", "2030-03-01");
        form.put("eventEnds", "2030-03-05");
        form.put("signatureGoal", "5000");
        form.put("pressName", "Press Officer");
        form.put("pressEmail", "press@example.org");
        return form;
    }

    @Test
    void aNewCampaignIsADraftUntilPublishedThenAppearsOnTheHomePage() throws Exception {
        String slug = "free-them-" + UUID.randomUUID().toString().substring(0, 6);
        var created = send(MockMvcRequestBuilders.post("/admin/campaigns"), campaign(slug));
        assertThat(created.getStatus()).isEqualTo(303);
        assertThat(created.getHeader("Location")).isEqualTo("/admin/campaigns/" + slug + "/edit?saved");

        assertThat(get("/campaigns/" + slug).statusCode())
                .as("a draft is a 404 for the public")
                .isEqualTo(404);
        assertThat(get("/").body()).doesNotContain(slug);
        assertThat(page("/admin/campaigns/" + slug + "/preview").getContentAsString())
                .contains("Free the journalists")
                .contains("<strong>the truth</strong>");

        var published = send(
                MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/status"), Map.of("transition", "PUBLISH"));
        assertThat(published.getStatus()).isEqualTo(303);
        assertThat(get("/campaigns/" + slug).statusCode()).isEqualTo(200);
        assertThat(get("/").body()).contains("href=\"/campaigns/" + slug + "\"");
        assertThat(get("/campaigns/" + slug).body())
                .contains("Geneva")
                .contains("action=\"/campaigns/" + slug + "/sign\"");

        send(MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/status"), Map.of("transition", "CLOSE"));
        assertThat(get("/campaigns/" + slug).body()).contains("not collecting signatures");
        assertThat(audit.newest(0, 30))
                .extracting(e -> e.action())
                .contains("campaign.create", "campaign.publish", "campaign.close");
    }

    @Test
    void mistakesComeBackBesideTheirFieldsWithEverythingKept() throws Exception {
        Map<String, String> form = campaign("Not A Slug!");
        form.put("title", "");
        form.put("eventStarts", "5 March");
        form.put("signatureGoal", "-3");
        form.put("pressEmail", "nope");
        form.put("image", "https://tracker.example/x.png");
        var answer = send(MockMvcRequestBuilders.post("/admin/campaigns"), form);
        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString())
                .contains("id=\"slug-error\"")
                .contains("id=\"title-error\"")
                .contains("id=\"eventStarts-error\"")
                .contains("id=\"signatureGoal-error\"")
                .contains("id=\"pressEmail-error\"")
                .contains("id=\"image-error\"")
                .contains("value=\"Not A Slug!\"")
                .contains("value=\"5 March\"")
                .contains("They reported **the truth**.");
    }

    @Test
    void anUploadedImageBecomesTheCampaignImageAndAFakeOneIsRefusedBesideItsField() throws Exception {
        String slug = "pictured-" + UUID.randomUUID().toString().substring(0, 6);
        send(MockMvcRequestBuilders.post("/admin/campaigns"), campaign(slug));
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(16, 9, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);

        var fake = mvc.perform(MockMvcRequestBuilders.multipart("/admin/campaigns/" + slug + "/image")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "imageFile",
                                "photo.png",
                                "image/png",
                                "<html><script>alert(1)</script></html>"
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(EDITOR)
                        // no multipart body is read before the CSRF check (web.MultipartGate): the token
                        // travels in the address (our forms) or, as here, in a header
                        .with(csrf().asHeader()))
                .andReturn()
                .getResponse();
        assertThat(fake.getStatus()).isEqualTo(422);
        assertThat(fake.getContentAsString()).contains("id=\"imageFile-error\"");

        var uploaded = mvc.perform(MockMvcRequestBuilders.multipart("/admin/campaigns/" + slug + "/image")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "imageFile", "banner.png", "image/png", png.toByteArray()))
                        .param("uploadAlt", "A banner")
                        .with(EDITOR)
                        // no multipart body is read before the CSRF check (web.MultipartGate): the token
                        // travels in the address (our forms) or, as here, in a header
                        .with(csrf().asHeader()))
                .andReturn()
                .getResponse();
        assertThat(uploaded.getStatus()).isEqualTo(303);
        String preview = page("/admin/campaigns/" + slug + "/preview").getContentAsString();
        var image = java.util.regex.Pattern.compile("src=\"(/media/[^\"]+\\.png)\" alt=\"A banner\"")
                .matcher(preview);
        assertThat(image.find()).as(preview).isTrue();
        assertThat(get(image.group(1)).statusCode()).isEqualTo(200);
        assertThat(audit.newest(0, 20)).anySatisfy(e -> assertThat(e.action()).isEqualTo("campaign.image"));
    }

    @Test
    void aSlugClashIsAFieldError() throws Exception {
        var answer = send(MockMvcRequestBuilders.post("/admin/campaigns"), campaign("keep-hope-alive"));
        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString())
                .contains("id=\"slug-error\"")
                .contains("Another campaign already uses this address");
    }

    @Test
    void aStaleEditIsDetectedAndExplainedNotOverwritten() throws Exception {
        String slug = "stale-" + UUID.randomUUID().toString().substring(0, 6);
        send(MockMvcRequestBuilders.post("/admin/campaigns"), campaign(slug));
        Map<String, String> mine = campaign(slug);
        mine.put("version", "0");
        mine.put("title", "My edit");
        Map<String, String> theirs = campaign(slug);
        theirs.put("version", "0");
        theirs.put("title", "Their edit");
        assertThat(send(MockMvcRequestBuilders.post("/admin/campaigns/" + slug), theirs)
                        .getStatus())
                .isEqualTo(303);
        var stale = send(MockMvcRequestBuilders.post("/admin/campaigns/" + slug), mine);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString())
                .contains("Someone else saved this campaign")
                .contains("value=\"My edit\"");
        assertThat(page("/admin/campaigns/" + slug + "/edit").getContentAsString())
                .contains("value=\"Their edit\"");
    }

    @Test
    void aTranslationAndACoalitionMemberShowOnThePublicPage() throws Exception {
        String slug = "translated-" + UUID.randomUUID().toString().substring(0, 6);
        send(MockMvcRequestBuilders.post("/admin/campaigns"), campaign(slug));
        send(MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/status"), Map.of("transition", "PUBLISH"));
        var translated = send(
                MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/translations/ru"),
                Map.of("title", "Освободите журналистов", "summary", "", "body", ""));
        assertThat(translated.getStatus()).isEqualTo(303);
        send(
                MockMvcRequestBuilders.post("/admin/campaigns/" + slug + "/members"),
                Map.of("organisation", "front-line-defenders", "role", "LEAD", "position", "0"));
        String russian = get("/campaigns/" + slug + "?lang=ru").body();
        assertThat(russian).contains("Освободите журналистов").contains("Ask for their release.");
        assertThat(russian).contains("Front Line Defenders").contains("ведущая организация");
    }
}

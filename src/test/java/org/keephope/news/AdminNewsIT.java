package org.keephope.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.support.AbstractStaffTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class AdminNewsIT extends AbstractStaffTest {

    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(EDITOR).with(csrf())).andReturn().getResponse();
    }

    static String slug() {
        return "post-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String inHours(long hours) {
        return LOCAL.format(LocalDateTime.now(ZoneOffset.UTC).plusHours(hours));
    }

    static MockHttpServletRequestBuilder post(String path, String slug, String title, String publishedAt) {
        return MockMvcRequestBuilders.post(path)
                .param("slug", slug)
                .param("originalLocale", "en")
                .param("title", title)
                .param("excerpt", "What happened, in short.")
                .param("body", "The **whole** story.")
                .param("publishedAt", publishedAt)
                .param("campaignId", "")
                .param("pressName", "Olga")
                .param("pressEmail", "press@keephope.test")
                .param("pressPhone", "+43 1 234");
    }

    long idOf(String slug) {
        return jdbc.sql("select id from post where slug = ?")
                .param(slug)
                .query(Long.class)
                .single();
    }

    int publicStatus(String slug) {
        return get("/news/" + slug).statusCode();
    }

    @Test
    void anonymousVisitorsGetNoNewsScreen() throws Exception {
        for (String path : new String[] {"/admin/news", "/admin/news/new", "/admin/news/terms"}) {
            int status = mvc.perform(MockMvcRequestBuilders.get(path))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(path).isIn(302, 401, 403);
        }
    }

    @Test
    void aPostWithoutPublicationTimeIsADraftOnlyStaffSee() throws Exception {
        String slug = slug();
        var created = send(post("/admin/news", slug, "Draft about courts", ""));
        assertThat(created.getStatus()).isEqualTo(303);
        assertThat(created.getHeader("Location")).isEqualTo("/admin/news/" + idOf(slug) + "/edit?saved");
        assertThat(publicStatus(slug)).isEqualTo(404);
        assertThat(send(MockMvcRequestBuilders.get("/admin/news")).getContentAsString())
                .contains("Draft about courts")
                .contains("Draft");
        assertThat(audit.newest(0, 20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("post.create");
            assertThat(e.objectId()).isEqualTo(String.valueOf(idOf(slug)));
        });
    }

    @Test
    void aScheduledPostIsHiddenBeforeItsTimeAndPublicOnceItHasPassed() throws Exception {
        String later = slug();
        String earlier = slug();
        send(post("/admin/news", later, "Verdict expected", inHours(48)));
        send(post("/admin/news", earlier, "Verdict announced", inHours(-1)));

        assertThat(publicStatus(later)).isEqualTo(404);
        assertThat(get("/news").body()).doesNotContain("Verdict expected");
        assertThat(send(MockMvcRequestBuilders.get("/admin/news")).getContentAsString())
                .contains("Scheduled");
        assertThat(publicStatus(earlier)).isEqualTo(200);
        assertThat(get("/news/" + earlier).body()).contains("Verdict announced").contains("<strong>whole</strong>");

        // the scheduled time moved into the past: now it is public
        long id = idOf(later);
        var edited = send(post("/admin/news/" + id, later, "Verdict expected", inHours(-2))
                .param("version", "0"));
        assertThat(edited.getStatus()).isEqualTo(303);
        assertThat(publicStatus(later)).isEqualTo(200);
    }

    @Test
    void invalidFieldsComeBackWithErrorsBesideThemAndTheValuesKept() throws Exception {
        var response = send(post("/admin/news", "Bad Slug!", "", "next tuesday").param("pressEmail", "not-an-address"));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("id=\"slug-error\"")
                .contains("id=\"title-error\"")
                .contains("id=\"publishedAt-error\"")
                .contains("id=\"pressEmail-error\"")
                .contains("value=\"Bad Slug!\"")
                .contains("value=\"next tuesday\"")
                .contains("The **whole** story.");
    }

    @Test
    void aTakenSlugIsAFieldErrorNotAServerError() throws Exception {
        String slug = slug();
        assertThat(send(post("/admin/news", slug, "First", "")).getStatus()).isEqualTo(303);
        var clash = send(post("/admin/news", slug, "Second", ""));
        assertThat(clash.getStatus()).isEqualTo(422);
        assertThat(clash.getContentAsString()).contains("id=\"slug-error\"").contains("already in use");
    }

    @Test
    void aStaleEditIsExplainedAndDoesNotOverwriteTheNewerOne() throws Exception {
        String slug = slug();
        send(post("/admin/news", slug, "Original", ""));
        long id = idOf(slug);
        assertThat(send(MockMvcRequestBuilders.get("/admin/news/" + id + "/edit"))
                        .getContentAsString())
                .contains("name=\"version\" value=\"0\"");

        assertThat(send(post("/admin/news/" + id, slug, "Saved by Anna", "").param("version", "0"))
                        .getStatus())
                .isEqualTo(303);
        var stale = send(post("/admin/news/" + id, slug, "Saved by Boris", "").param("version", "0"));

        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString())
                .contains("Someone else saved changes")
                .contains("value=\"Saved by Boris\"")
                .contains("name=\"version\" value=\"1\"");
        assertThat(jdbc.sql("select title from post where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Saved by Anna");
    }

    @Test
    void theRussianTranslationIsShownAndEmptyFieldsFallBackToTheOriginal() throws Exception {
        String slug = slug();
        send(post("/admin/news", slug, "Hope in court", inHours(-1)));
        long id = idOf(slug);

        var saved = send(MockMvcRequestBuilders.post("/admin/news/" + id + "/translations/ru")
                .param("title", "Надежда в суде")
                .param("excerpt", "")
                .param("body", "Вся *история*."));
        assertThat(saved.getStatus()).isEqualTo(303);

        String russian = get("/news/" + slug + "?lang=ru").body();
        assertThat(russian)
                .contains("Надежда в суде")
                .contains("<em>история</em>")
                .contains("What happened, in short.");
        assertThat(get("/news/" + slug + "?lang=en").body()).contains("Hope in court");
        assertThat(send(MockMvcRequestBuilders.get("/admin/news/" + id + "/translations/ru"))
                        .getContentAsString())
                .contains("value=\"Надежда в суде\"");
        var tooLong = send(MockMvcRequestBuilders.post("/admin/news/" + id + "/translations/ru")
                .param("title", "Т".repeat(301))
                .param("excerpt", "Кратко")
                .param("body", ""));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.getContentAsString()).contains("id=\"title-error\"").contains(">Кратко</textarea>");
        assertThat(get("/news/" + slug + "?lang=ru").body()).contains("Надежда в суде");
        assertThat(send(MockMvcRequestBuilders.get("/admin/news/" + id + "/translations/en"))
                        .getStatus())
                .as("the original's own language is not a translation")
                .isEqualTo(404);
    }

    @Test
    void categoriesAndRegionsAreCreatedRenamedAndFiledUnder() throws Exception {
        String category = "cat-" + UUID.randomUUID().toString().substring(0, 6);
        var created = send(MockMvcRequestBuilders.post("/admin/news/terms/category")
                .param("slug", category)
                .param("nameEn", "Trials")
                .param("nameRu", ""));
        assertThat(created.getStatus()).isEqualTo(303);
        var clash = send(MockMvcRequestBuilders.post("/admin/news/terms/category")
                .param("slug", category)
                .param("nameEn", "Again")
                .param("nameRu", ""));
        assertThat(clash.getStatus()).isEqualTo(422);
        assertThat(clash.getContentAsString())
                .contains("id=\"category-slug-error\"")
                .contains("value=\"Again\"");

        long id = jdbc.sql("select id from category where slug = ?")
                .param(category)
                .query(Long.class)
                .single();
        assertThat(send(MockMvcRequestBuilders.post("/admin/news/terms/category/" + id)
                                .param("nameEn", "Court cases")
                                .param("nameRu", "Суды"))
                        .getStatus())
                .isEqualTo(303);

        String slug = slug();
        send(post("/admin/news", slug, "Filed post", inHours(-1)).param("categories", category));
        assertThat(get("/news/" + slug).body()).contains("Court cases");
        assertThat(get("/news/" + slug + "?lang=ru").body()).contains("Суды");
        assertThat(get("/news?category=" + category).body()).contains("Filed post");

        var unknown = send(post("/admin/news", slug(), "Unknown term", "").param("categories", "no-such-category"));
        assertThat(unknown.getStatus()).isEqualTo(422);
    }
}

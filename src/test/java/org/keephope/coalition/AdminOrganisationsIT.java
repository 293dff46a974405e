package org.keephope.coalition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.support.AbstractStaffTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class AdminOrganisationsIT extends AbstractStaffTest {

    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");

    @Autowired
    Organisations organisations;

    @Autowired
    AuditLog audit;

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(EDITOR).with(csrf())).andReturn().getResponse();
    }

    MockHttpServletRequestBuilder form(String path, String slug, String name, String website) {
        return MockMvcRequestBuilders.post(path)
                .param("slug", slug)
                .param("name", name)
                .param("website", website)
                .param("description", "Defends the defenders.");
    }

    static String slug() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anEditorCreatesAnOrganisationAndSeesItListed() throws Exception {
        String slug = slug();
        var created = send(form("/admin/organisations", slug, "Memorial Friends", "https://memorial.example"));
        assertThat(created.getStatus()).isEqualTo(303);
        var organisation = organisations.bySlug(slug).orElseThrow();
        assertThat(created.getHeader("Location"))
                .isEqualTo("/admin/organisations/" + organisation.id() + "/edit?saved");
        assertThat(organisation.website()).isEqualTo("https://memorial.example");
        assertThat(send(MockMvcRequestBuilders.get("/admin/organisations")).getContentAsString())
                .contains("Memorial Friends");
        assertThat(audit.newest(0, 20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("organisation.create");
            assertThat(e.actor()).isEqualTo("editor@keephope.test");
        });
    }

    @Test
    void invalidFieldsComeBackWithErrorsBesideThemAndTheValuesKept() throws Exception {
        var response = send(form("/admin/organisations", "Not A Slug", "", "javascript:alert(1)"));
        assertThat(response.getStatus()).isEqualTo(422);
        String page = response.getContentAsString();
        assertThat(page)
                .contains("id=\"slug-error\"")
                .contains("id=\"name-error\"")
                .contains("id=\"website-error\"")
                .contains("value=\"Not A Slug\"")
                .contains("Give a full address starting with https://");
        assertThat(organisations.bySlug("Not A Slug")).isEmpty();
    }

    @Test
    void aTakenSlugIsAFieldErrorNotAServerError() throws Exception {
        String slug = slug();
        assertThat(send(form("/admin/organisations", slug, "First", "")).getStatus())
                .isEqualTo(303);
        var clash = send(form("/admin/organisations", slug, "Second", ""));
        assertThat(clash.getStatus()).isEqualTo(422);
        assertThat(clash.getContentAsString()).contains("id=\"slug-error\"").contains("already in use");
        assertThat(organisations.bySlug(slug).orElseThrow().name()).isEqualTo("First");
    }

    @Test
    void aStaleEditIsExplainedAndDoesNotOverwriteTheNewerOne() throws Exception {
        String slug = slug();
        send(form("/admin/organisations", slug, "Original", ""));
        long id = organisations.bySlug(slug).orElseThrow().id();
        String edit = "/admin/organisations/" + id;
        assertThat(send(MockMvcRequestBuilders.get(edit + "/edit")).getContentAsString())
                .contains("name=\"version\" value=\"0\"");

        var first = send(form(edit, slug, "Saved by Anna", "").param("version", "0"));
        assertThat(first.getStatus()).isEqualTo(303);
        var second = send(form(edit, slug, "Saved by Boris", "").param("version", "0"));

        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString())
                .contains("Someone else saved changes")
                .contains("value=\"Saved by Boris\"")
                .contains("name=\"version\" value=\"1\"");
        assertThat(organisations.forEditing(id).orElseThrow().name()).isEqualTo("Saved by Anna");
    }

    @Test
    void anotherOrganisationsSlugIsAFieldErrorWhenEditing() throws Exception {
        String taken = slug();
        String mine = slug();
        send(form("/admin/organisations", taken, "Taken", ""));
        send(form("/admin/organisations", mine, "Mine", ""));
        long id = organisations.bySlug(mine).orElseThrow().id();
        var clash = send(form("/admin/organisations/" + id, taken, "Mine", "").param("version", "0"));
        assertThat(clash.getStatus()).isEqualTo(422);
        assertThat(clash.getContentAsString()).contains("id=\"slug-error\"");
    }
}

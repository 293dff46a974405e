package org.keephope.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.NewCampaign;
import org.keephope.support.AbstractStaffTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The target directory's staff screens, its CSV import, a campaign's targets and what the public sees of them. */
class TargetDirectoryIT extends AbstractStaffTest {

    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");

    @Autowired
    Targets targets;

    @Autowired
    Campaigns campaigns;

    @Autowired
    AuditLog audit;

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(EDITOR).with(csrf())).andReturn().getResponse();
    }

    static String id() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    MockHttpServletRequestBuilder form(String path, String externalId, String country, String name, String zone) {
        return form(path, externalId, country, name, zone, "office@minister.example, press@minister.example");
    }

    MockHttpServletRequestBuilder form(
            String path, String externalId, String country, String name, String zone, String emails) {
        return MockMvcRequestBuilders.post(path)
                .param("externalId", externalId)
                .param("country", country)
                .param("name", name)
                .param("title", "Minister")
                .param("office", "")
                .param("nameRu", "Имя " + name)
                .param("titleRu", "Министр")
                .param("officeRu", "")
                .param("contactEmails", emails)
                .param("contactUrl", "")
                .param("timeZone", zone);
    }

    @Test
    void anEditorAddsATargetWithTranslationsAndPrivateAddresses() throws Exception {
        String externalId = id();
        var created = send(form("/admin/targets", externalId, "se", "Anna Lind", "Europe/Stockholm"));
        assertThat(created.getStatus()).isEqualTo(303);
        var target = targets.byExternalId(externalId).orElseThrow();
        assertThat(created.getHeader("Location")).isEqualTo("/admin/targets/" + target.id() + "/edit?saved");
        assertThat(target.data().country()).isEqualTo("SE");
        assertThat(target.data().contactEmails()).containsExactly("office@minister.example", "press@minister.example");
        assertThat(Targets.publicView(target, java.util.Locale.forLanguageTag("ru"))
                        .name())
                .isEqualTo("Имя Anna Lind");
        assertThat(send(MockMvcRequestBuilders.get("/admin/targets")).getContentAsString())
                .contains("Anna Lind");
        assertThat(audit.newest(0, 20)).anySatisfy(e -> assertThat(e.action()).isEqualTo("target.create"));
    }

    @Test
    void badFieldsComeBackBesideThemWithTheValuesKeptAndNothingSaved() throws Exception {
        String externalId = id();
        var response = send(form("/admin/targets", externalId, "XX", "", "Mars/Olympus", "not-an-address"));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains(
                        "id=\"country-error\"",
                        "id=\"name-error\"",
                        "id=\"timeZone-error\"",
                        "id=\"contactEmails-error\"")
                .contains("value=\"XX\"", "value=\"Mars/Olympus\"", "value=\"not-an-address\"")
                .contains("Not a known country code");
        assertThat(targets.byExternalId(externalId)).isEmpty();
    }

    @Test
    void aTakenExternalIdIsAFieldErrorAndAStaleEditIsRefused() throws Exception {
        String externalId = id();
        send(form("/admin/targets", externalId, "NO", "First", "Europe/Oslo"));
        var clash = send(form("/admin/targets", externalId, "NO", "Second", "Europe/Oslo"));
        assertThat(clash.getStatus()).isEqualTo(422);
        assertThat(clash.getContentAsString())
                .contains("id=\"externalId-error\"")
                .contains("already has this external id");

        long id = targets.byExternalId(externalId).orElseThrow().id();
        assertThat(send(form("/admin/targets/" + id, externalId, "NO", "By Anna", "Europe/Oslo")
                                .param("version", "0"))
                        .getStatus())
                .isEqualTo(303);
        var stale = send(form("/admin/targets/" + id, externalId, "NO", "By Boris", "Europe/Oslo")
                .param("version", "0"));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("value=\"By Boris\"");
        assertThat(targets.forEditing(id).orElseThrow().data().original().name())
                .isEqualTo("By Anna");
    }

    @Test
    void deactivatingATargetTakesItOffTheCampaignPage() throws Exception {
        String slug = campaign();
        long campaignId = campaigns.ref(slug).orElseThrow().id();
        long id = targets.create(data(id(), "PL", "Donald Tusk"), "test");
        targets.addToCampaign(campaignId, id, 0, null, false);
        assertThat(send(MockMvcRequestBuilders.get("/campaigns/" + slug)).getContentAsString())
                .contains("Donald Tusk");

        assertThat(send(MockMvcRequestBuilders.post("/admin/targets/" + id + "/active")
                                .param("active", "false"))
                        .getStatus())
                .isEqualTo(303);
        assertThat(targets.forEditing(id).orElseThrow().data().active()).isFalse();
        assertThat(send(MockMvcRequestBuilders.get("/campaigns/" + slug)).getContentAsString())
                .doesNotContain("Donald Tusk");
    }

    @Test
    void theImportShowsWhatWouldChangeAndSavesNothingUntilAsked() throws Exception {
        String known = id();
        String fresh = id();
        targets.create(data(known, "FI", "Jyrki Katainen"), "test");
        String csv = "external_id,country,name,title,name_ru,contact_emails\n"
                + known + ",FI,Jyrki Katainen,Prime Minister of Finland,Юрки Катайнен,pm@vnk.example\n"
                + fresh + ",DK,\"Helle Thorning-Schmidt\",Prime Minister of Denmark,,\n";

        var preview = upload(csv);
        assertThat(preview.getStatus()).isEqualTo(200);
        String page = preview.getContentAsString();
        assertThat(page).contains("New: 1, changed: 1, unchanged: 0, with errors: 0.");
        assertThat(page).contains("title, name_ru, contact_emails");
        assertThat(page).contains("name=\"csv\"");
        assertThat(targets.byExternalId(fresh)).as("a preview saves nothing").isEmpty();
        assertThat(targets.byExternalId(known).orElseThrow().data().original().title())
                .isEqualTo("Chancellor");

        var applied = send(MockMvcRequestBuilders.post("/admin/targets/import").param("csv", csv));
        assertThat(applied.getStatus()).isEqualTo(303);
        assertThat(targets.byExternalId(fresh).orElseThrow().data().original().name())
                .isEqualTo("Helle Thorning-Schmidt");
        var changed = targets.byExternalId(known).orElseThrow().data();
        assertThat(changed.original().title()).isEqualTo("Prime Minister of Finland");
        assertThat(changed.in("ru").name()).isEqualTo("Юрки Катайнен");
        assertThat(changed.contactEmails()).containsExactly("pm@vnk.example");
        assertThat(changed.timeZone())
                .as("a column the file leaves out keeps its value")
                .isEqualTo("Europe/Berlin");

        assertThat(upload(csv).getContentAsString()).contains("New: 0, changed: 0, unchanged: 2, with errors: 0.");
    }

    @Test
    void aFileWithBadRowsListsThemAndImportsNothingEvenWhenSentDirectly() throws Exception {
        String good = id();
        String csv = "external_id,country,name,title,time_zone\n"
                + good + ",EE,Toomas Hendrik Ilves,President of Estonia,Europe/Tallinn\n"
                + "bad id!,ZZ,,President,Nowhere/City\n"
                + good + ",EE,Twice,President,UTC\n";
        var preview = upload(csv);
        assertThat(preview.getStatus()).isEqualTo(422);
        String page = preview.getContentAsString();
        assertThat(page).contains("with errors: 2").contains("Nothing has been imported");
        assertThat(page)
                .contains("Not a known country code")
                .contains("Not a known time zone")
                .contains("appears twice");
        assertThat(page).doesNotContain("name=\"csv\"");

        var forced = send(MockMvcRequestBuilders.post("/admin/targets/import").param("csv", csv));
        assertThat(forced.getStatus()).isEqualTo(422);
        assertThat(targets.byExternalId(good)).isEmpty();
    }

    @Test
    void aFileThatIsNotCsvOrNotUtf8GetsAClearMessage() throws Exception {
        assertThat(upload("just,some\nwords,here\n").getContentAsString())
                .contains("id=\"import-error\"")
                .contains("external_id, country, name and title are required");
        var latin1 = new MockMultipartFile(
                "file",
                "t.csv",
                "text/csv",
                "external_id,country,name,title\nx,DE,J\u00fcrgen,M\n".getBytes(StandardCharsets.ISO_8859_1));
        var response = sendFile(latin1);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("not UTF-8");
    }

    @Test
    void staffSetACampaignsTargetsAndThePublicSeesThemWithoutAddresses() throws Exception {
        String slug = campaign();
        long merkel = targets.create(data(id(), "DE", "Angela Example"), "test");
        long hollande = targets.create(data(id(), "FR", "François Example"), "test");
        String screen = "/admin/campaigns/" + slug + "/targets";
        assertThat(send(MockMvcRequestBuilders.post(screen).param("add", "" + merkel))
                        .getStatus())
                .isEqualTo(303);
        assertThat(send(MockMvcRequestBuilders.post(screen).param("add", "" + hollande))
                        .getStatus())
                .isEqualTo(303);
        // reorder, a note, a fallback
        var saved = send(MockMvcRequestBuilders.post(screen)
                .param("position_" + merkel, "2")
                .param("position_" + hollande, "1")
                .param("note_" + merkel, "Host of the next summit")
                .param("fallback_" + hollande, "on"));
        assertThat(saved.getStatus()).isEqualTo(303);
        long campaignId = campaigns.ref(slug).orElseThrow().id();
        assertThat(targets.forCampaign(campaignId, java.util.Locale.ENGLISH))
                .extracting(t -> t.target().name(), CampaignTarget::note, CampaignTarget::fallback)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("François Example", null, true),
                        org.assertj.core.groups.Tuple.tuple("Angela Example", "Host of the next summit", false));

        String page = send(MockMvcRequestBuilders.get("/campaigns/" + slug)).getContentAsString();
        assertThat(page)
                .contains("Who we are asking", "Angela Example", "Chancellor", "Germany", "Host of the next summit");
        assertThat(page).doesNotContain("office@chancellery.example");
        String ru = send(MockMvcRequestBuilders.get("/campaigns/" + slug).param("lang", "ru"))
                .getContentAsString();
        assertThat(ru).contains("К кому мы обращаемся", "Канцлер", "Германия");

        String api = send(MockMvcRequestBuilders.get("/api/campaigns/" + slug)).getContentAsString();
        assertThat(api)
                .contains(
                        "\"targets\":[{\"name\":\"François Example\"",
                        "\"country\":\"DE\"",
                        "\"ru\":{\"name\":\"Ангела");
        assertThat(api).doesNotContain("chancellery.example").doesNotContain("@");
    }

    @Test
    void anUnknownOrBrokenTargetOnTheCampaignScreenIsAFieldErrorNotA500() throws Exception {
        String slug = campaign();
        String screen = "/admin/campaigns/" + slug + "/targets";
        var unknown = send(MockMvcRequestBuilders.post(screen).param("add", "999999999"));
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentAsString()).contains("id=\"add-error\"");
        var garbage = send(MockMvcRequestBuilders.post(screen).param("add", "x'; drop table target; --"));
        assertThat(garbage.getStatus()).isEqualTo(422);

        long id = targets.create(data(id(), "AT", "Werner Example"), "test");
        send(MockMvcRequestBuilders.post(screen).param("add", "" + id));
        var badOrder = send(MockMvcRequestBuilders.post(screen).param("position_" + id, "first"));
        assertThat(badOrder.getStatus()).isEqualTo(422);
        assertThat(badOrder.getContentAsString())
                .contains("id=\"position_" + id + "-error\"")
                .contains("value=\"first\"");
    }

    @Test
    void theDemoAsksTheG20Of2013InBothLanguagesWithoutAnyAddress() throws Exception {
        long campaignId = campaigns.ref("keep-hope-alive").orElseThrow().id();
        var asked = targets.forCampaign(campaignId, java.util.Locale.ENGLISH);
        assertThat(asked).hasSize(21);
        assertThat(asked)
                .extracting(t -> t.target().country())
                .containsOnlyOnce("DE", "FR", "RU", "US", "CN")
                .filteredOn("EU"::equals)
                .hasSize(2);
        assertThat(asked)
                .filteredOn(t -> t.target().country().equals("DE"))
                .singleElement()
                .satisfies(t -> assertThat(t.target().name()).isEqualTo("Angela Merkel"));
        assertThat(asked)
                .filteredOn(CampaignTarget::fallback)
                .extracting(t -> t.target().name())
                .containsExactlyInAnyOrder("Herman Van Rompuy", "José Manuel Barroso");
        assertThat(targets.forCampaign(campaignId, java.util.Locale.forLanguageTag("ru")))
                .extracting(t -> t.target().name())
                .contains("Ангела Меркель", "Владимир Путин", "Херман Ван Ромпей");
        for (var t : asked) {
            assertThat(targets.forEditing(t.target().id()).orElseThrow().data().contactEmails())
                    .isEmpty();
        }
        String api = send(MockMvcRequestBuilders.get("/api/campaigns/keep-hope-alive"))
                .getContentAsString();
        assertThat(api).contains("\"name\":\"Angela Merkel\"", "\"country\":\"EU\"");
    }

    MockHttpServletResponse upload(String csv) throws Exception {
        var file = new MockMultipartFile("file", "targets.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        return sendFile(file);
    }

    MockHttpServletResponse sendFile(MockMultipartFile file) throws Exception {
        // no multipart body is read before the CSRF check (web.MultipartGate): the token goes in a header
        return mvc.perform(MockMvcRequestBuilders.multipart("/admin/targets/import/preview")
                        .file(file)
                        .with(EDITOR)
                        .with(csrf().asHeader()))
                .andReturn()
                .getResponse();
    }

    static TargetData data(String externalId, String country, String name) {
        return new TargetData(
                externalId,
                country,
                new TargetNames(name, "Chancellor", null),
                Map.of("ru", new TargetNames(name.replace("Angela", "Ангела"), "Канцлер", null)),
                List.of("office@chancellery.example"),
                null,
                "Europe/Berlin",
                true);
    }

    String campaign() {
        String slug = "targets-" + UUID.randomUUID().toString().substring(0, 8);
        campaigns.create(new NewCampaign(
                slug, CampaignStatus.LIVE, "en", "Test " + slug, "Summary", "Body", null, null, null, null, 100, null));
        return slug;
    }
}

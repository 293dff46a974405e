package org.keephope.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.CampaignEditing;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.signature.SignerLinks;
import org.keephope.support.AbstractStaffTest;
import org.keephope.support.Sha256;
import org.keephope.target.Targets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Deliveries on record: the hash of a package this site made, append-only, audited, shown on the campaign page. */
class DeliveryRecordIT extends AbstractStaffTest {

    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");

    @Autowired
    Campaigns campaigns;

    @Autowired
    CampaignEditing editing;

    @Autowired
    Targets targets;

    @Autowired
    SignerLinks links;

    @Autowired
    JdbcClient jdbc;

    DeliveryFixtures.Campaign campaign;

    @BeforeEach
    void campaignWithSignatures() {
        var fixtures = new DeliveryFixtures(campaigns, targets, links, jdbc);
        campaign = fixtures.campaign();
        for (int i = 0; i < 3; i++) {
            fixtures.confirm(campaign.id(), "DE", null, null);
        }
    }

    byte[] download(long target, String format) throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/" + campaign.slug()
                                + "/delivery/package?target=" + target + "&language=en&format=" + format)
                        .with(EDITOR))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsByteArray();
    }

    MockHttpServletResponse record(String target, String on, String method, String by, String note, String sha256)
            throws Exception {
        MockHttpServletRequestBuilder post = MockMvcRequestBuilders.post(
                        "/admin/campaigns/" + campaign.slug() + "/delivery/records")
                .param("target", target)
                .param("deliveredOn", on)
                .param("method", method)
                .param("deliveredBy", by)
                .param("note", note)
                .param("sha256", sha256)
                .with(EDITOR)
                .with(csrf());
        return mvc.perform(post).andReturn().getResponse();
    }

    String publicPage(String lang) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/campaigns/" + campaign.slug() + "?lang=" + lang))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theRecordNamesTheFileDeliveredByItsHashAndThePublicPageSaysDelivered() throws Exception {
        byte[] pdf = download(campaign.germany(), "pdf");
        String sha256 = Sha256.hex(pdf);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(publicPage("en")).doesNotContain("Delivered to");

        var saved =
                record("" + campaign.germany(), today, "in-person", "Civil Rights Defenders", "At the summit", sha256);
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(saved.getHeader("Location")).contains("/delivery?recorded");

        var stored = jdbc.sql("select package_sha256, method, delivered_by, note, recorded_by from delivery_record"
                        + " where campaign_id = ?")
                .param(campaign.id())
                .query((rs, n) -> java.util.List.of(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
        assertThat(stored)
                .containsExactly(
                        sha256, "IN_PERSON", "Civil Rights Defenders", "At the summit", "editor@keephope.test");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'delivery.record' and object_id = ?"
                                + " and detail like ?")
                        .params("" + campaign.id(), "%sha256 " + sha256)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String en = publicPage("en");
        assertThat(en)
                .contains("Delivered to Angela Merkel on")
                .contains(sha256.substring(0, 16))
                .contains("In person")
                .doesNotContain("At the summit") // the note is for staff
                .doesNotContain("Civil Rights Defenders");
        assertThat(publicPage("ru")).contains("Вручено: Ангела Меркель").contains("Лично");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/" + campaign.slug() + "/delivery")
                                .with(EDITOR))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(sha256)
                .contains("At the summit");

        // a package made for all targets may be delivered to each of them
        byte[] all = mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/" + campaign.slug()
                                + "/delivery/package?target=all&language=ru&format=csv")
                        .with(EDITOR))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(record("" + campaign.france(), today, "email", "Staff", "", Sha256.hex(all))
                        .getStatus())
                .isEqualTo(303);
        String both = publicPage("en");
        assertThat(both).contains("Delivered to François Hollande on");
        org.keephope.support.Screens.save("campaign-delivered-en", both);
        for (String lang : java.util.List.of("en", "ru")) {
            org.keephope.support.Screens.save(
                    "delivery-records-" + lang,
                    mvc.perform(MockMvcRequestBuilders.get(
                                            "/admin/campaigns/" + campaign.slug() + "/delivery?lang=" + lang)
                                    .with(EDITOR))
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
        }
        org.keephope.support.Screens.save("campaign-delivered-ru", publicPage("ru"));
    }

    @Test
    void aPackageMadeForAllIsPutOnRecordForEachTargetAtOnce() throws Exception {
        String perTarget = Sha256.hex(download(campaign.germany(), "csv"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var refused = record("all", today, "email", "Us", "", perTarget);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("id=\"sha256-error\"")
                .contains("a delivery to each target names a package made for all");

        byte[] all = mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/" + campaign.slug()
                                + "/delivery/package?target=all&language=en&format=pdf")
                        .with(EDITOR))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(record("all", today, "online-form", "Us", "", Sha256.hex(all))
                        .getStatus())
                .isEqualTo(303);
        assertThat(jdbc.sql("select target_id from delivery_record where campaign_id = ? and package_sha256 = ?"
                                + " order by target_id")
                        .params(campaign.id(), Sha256.hex(all))
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrder(campaign.germany(), campaign.france());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'delivery.record' and object_id = ?"
                                + " and detail like 'target all (2)%'")
                        .param("" + campaign.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(publicPage("en"))
                .contains("Delivered to Angela Merkel on")
                .contains("Delivered to François Hollande on")
                .contains("Through an online form");
    }

    @Test
    void theCampaignMovesToDeliveredOnceClosedWhenStaffSaySo() throws Exception {
        String path = "/admin/campaigns/" + campaign.slug() + "/delivery/delivered";
        var live = mvc.perform(MockMvcRequestBuilders.post(path).with(EDITOR).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(live.getStatus()).isEqualTo(409);
        assertThat(live.getContentAsString()).contains("id=\"delivered-error\"").contains("Close the campaign first");

        editing.move(campaign.slug(), CampaignEditing.Transition.CLOSE, "test");
        String sha256 = Sha256.hex(download(campaign.germany(), "csv"));
        assertThat(record("" + campaign.germany(), LocalDate.now(ZoneOffset.UTC).toString(), "post", "Us", "", sha256)
                        .getStatus())
                .isEqualTo(303);
        var done = mvc.perform(MockMvcRequestBuilders.post(path).with(EDITOR).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(done.getStatus()).isEqualTo(303);
        assertThat(campaigns.ref(campaign.slug()).orElseThrow().status()).isEqualTo(CampaignStatus.DELIVERED);
        assertThat(publicPage("en")).contains("Delivered to Angela Merkel on");
    }

    @Test
    void badInputComesBackWithTheErrorBesideEachFieldAndTheValuesKept() throws Exception {
        String franceOnly = Sha256.hex(download(campaign.france(), "csv"));
        var bad = record("999999999", "yesterday", "pigeon", "Bad\u0007name", "", "0".repeat(64));
        assertThat(bad.getStatus()).isEqualTo(422);
        org.keephope.support.Screens.save("delivery-record-errors-en", bad.getContentAsString());
        assertThat(bad.getContentAsString())
                .contains("id=\"record-target-error\"")
                .contains("id=\"deliveredOn-error\"")
                .contains("id=\"deliveredBy-error\"")
                .contains("value=\"yesterday\"");

        var wrong = record(
                "" + campaign.germany(),
                LocalDate.now(ZoneOffset.UTC).plusDays(5).toString(),
                "pigeon",
                "Us",
                "x".repeat(2001),
                franceOnly);
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString()).contains("id=\"note-error\"").contains("value=\"" + franceOnly + "\"");
        var wrongPackage = record(
                "" + campaign.germany(),
                LocalDate.now(ZoneOffset.UTC).plusDays(5).toString(),
                "pigeon",
                "Us",
                "",
                franceOnly);
        assertThat(wrongPackage.getStatus()).isEqualTo(422);
        assertThat(wrongPackage.getContentAsString())
                .contains("id=\"deliveredOn-error\"")
                .contains("id=\"method-error\"")
                .contains("id=\"sha256-error\"")
                .contains("No package made by this site for this target");
        var notHex = record("" + campaign.germany(), "2031-01-01", "email", "Us", "", "zz");
        assertThat(notHex.getStatus()).isEqualTo(422);
        assertThat(notHex.getContentAsString()).contains("id=\"sha256-error\"");
        assertThat(jdbc.sql("select count(*) from delivery_record where campaign_id = ?")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRecordIsNeverChangedNorDeletedOnPostgresql() throws Exception {
        String sha256 = Sha256.hex(download(campaign.germany(), "csv"));
        assertThat(record("" + campaign.germany(), "2026-09-05", "email", "Us", "", sha256)
                        .getStatus())
                .isEqualTo(303);
        String product = jdbc.sql("select 1")
                .query((rs, n) -> {
                    try {
                        return rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .single();
        if (product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            assertThatThrownBy(() -> jdbc.sql("update delivery_record set note = 'changed' where campaign_id = ?")
                            .param(campaign.id())
                            .update())
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("delete from delivery_record where campaign_id = ?")
                            .param(campaign.id())
                            .update())
                    .hasMessageContaining("append-only");
        }
        assertThat(jdbc.sql("select count(*) from delivery_record where campaign_id = ? and note is null")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .as("the record is as it was written")
                .isEqualTo(1);
    }
}

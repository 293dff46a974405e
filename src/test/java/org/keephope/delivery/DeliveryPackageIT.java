package org.keephope.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.MemberRole;
import org.keephope.coalition.NewOrganisation;
import org.keephope.coalition.Organisations;
import org.keephope.log.SignatureLogs;
import org.keephope.media.Media;
import org.keephope.signature.SignerLinks;
import org.keephope.support.AbstractStaffTest;
import org.keephope.target.Targets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The delivery package: a PDF that holds what it says it holds, in both languages, and the same data as CSV. */
class DeliveryPackageIT extends AbstractStaffTest {

    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");

    @Autowired
    Campaigns campaigns;

    @Autowired
    Targets targets;

    @Autowired
    SignerLinks links;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organisations organisations;

    @Autowired
    Media media;

    @Autowired
    SignatureLogs logs;

    @Autowired
    AuditLog audit;

    DeliveryFixtures fixtures;
    DeliveryFixtures.Campaign campaign;

    @BeforeEach
    void campaignWithSignatures() throws Exception {
        fixtures = new DeliveryFixtures(campaigns, targets, links, jdbc);
        campaign = fixtures.campaign();
        var organisation = organisations.create(new NewOrganisation(
                "org-" + campaign.slug(), "Memorial " + campaign.slug(), "https://memorial.example", null, "Rights"));
        organisations.setLogo(organisation.id(), media.store(new ByteArrayInputStream(png()), "test", "logo"), "test");
        campaigns.addMember(
                campaign.id(), organisations.bySlug(organisation.slug()).orElseThrow(), MemberRole.LEAD, 1);
        for (int i = 0; i < 6; i++) {
            fixtures.confirm(campaign.id(), "DE", i == 0 ? "Jürgen" : null, i == 0 ? "Sprecht es an!" : null);
        }
        for (int i = 0; i < 5; i++) {
            fixtures.confirm(campaign.id(), "FR", i == 0 ? "Élodie" : null, null);
        }
        fixtures.confirm(campaign.id(), "BR", "Bruna", null);
        fixtures.confirm(campaign.id(), "BR", null, null);
        fixtures.confirm(campaign.id(), "NO", null, null);
        // the log appends confirmations every few seconds: wait for its signed head to hold them all
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (logs.latestCheckpoint(campaign.id()).map(h -> h.count()).orElse(0L) < 14
                && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
    }

    static byte[] png() throws Exception {
        var image = new BufferedImage(60, 30, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, 60, 30);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    MockHttpServletResponse download(String query) throws Exception {
        return mvc.perform(
                        MockMvcRequestBuilders.get("/admin/campaigns/" + campaign.slug() + "/delivery/package?" + query)
                                .with(EDITOR))
                .andReturn()
                .getResponse();
    }

    /** Keeps the PDF under target/ for a person to look at ({@code pdftoppm -png}). */
    static void sample(String name, byte[] pdf) throws Exception {
        var dir = java.nio.file.Path.of("target", "delivery-samples");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name + ".pdf"), pdf);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int images(byte[] pdf) throws Exception {
        int n = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    @Test
    void thePdfForAllTargetsHoldsTheTotalTheTableByCountryTheLogAndTheCoalition() throws Exception {
        var response = download("target=all&language=en&format=pdf&signers=on");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"" + campaign.slug() + "-delivery-all-en-");
        byte[] pdf = response.getContentAsByteArray();
        sample("all-en", pdf);
        String text = text(pdf);
        String flat = text.replaceAll("\\s+", " ");

        assertThat(flat).contains("Deliver " + campaign.slug());
        assertThat(flat).contains("14 people have signed and confirmed");
        assertThat(flat).contains("Angela Merkel").contains("François Hollande");
        assertThat(flat).contains("Germany 6").contains("France 5");
        // Brazil (2) and Norway (1) are not named: their 3 are summed, unnamed
        String table = flat.substring(flat.indexOf("Country Signatures"), flat.indexOf("Total in this table"));
        assertThat(table)
                .isEqualTo("Country Signatures Germany 6 France 5 Other countries, fewer than 5 signatures each 3 ");
        assertThat(flat).doesNotContain("Norway");
        assertThat(flat).contains("Total in this table 14");
        assertThat(flat).contains("speak up");
        assertThat(flat).contains("Memorial " + campaign.slug());
        assertThat(images(pdf))
                .as("the coalition's logo is the one image: the charts are vector")
                .isEqualTo(1);
        // the shown signers with their approved comments, nobody else
        assertThat(flat)
                .contains("Jürgen")
                .contains("Sprecht es an!")
                .contains("Élodie")
                .contains("Bruna");
        // the log's signed head and the key that verifies it
        var head = logs.latestCheckpoint(campaign.id()).orElseThrow();
        assertThat(text.replaceAll("\\s+", "")).contains(head.verifierKey().replaceAll("\\s+", ""));
        assertThat(flat).contains(head.origin());
        assertThat(text.replaceAll("\\s+", ""))
                .contains("http://keephope.test/campaigns/" + campaign.slug() + "/log/checkpoint");
        assertThat(flat).contains("Signatures over time").contains("Signatures on a map");
    }

    @Test
    void theRussianPdfPrintsCyrillicWithTheEmbeddedFont() throws Exception {
        var response = download("target=" + campaign.germany() + "&language=ru&format=pdf");
        assertThat(response.getStatus()).isEqualTo(200);
        byte[] pdf = response.getContentAsByteArray();
        sample("de-ru", pdf);
        String flat = text(pdf).replaceAll("\\s+", " ");
        assertThat(flat).contains("Вручить " + campaign.slug());
        assertThat(flat).contains("Ангела Меркель").contains("Федеральный канцлер");
        assertThat(flat).doesNotContain("Франсуа Олланд");
        assertThat(flat).contains("Подписали и подтвердили: 14");
        assertThat(flat).contains("Германия 6").contains("Франция 5");
        assertThat(flat).contains("заступиться");
        // without the signers option, no first name is in the package
        assertThat(flat).doesNotContain("Jürgen").doesNotContain("Bruna");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var fonts = new java.util.ArrayList<String>();
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(fonts).anySatisfy(f -> assertThat(f).contains("DejaVuSans"));
        }
    }

    @Test
    void eachPackageMadeIsRecordedWithTheHashOfTheFileAndAudited() throws Exception {
        var response = download("target=" + campaign.france() + "&language=en&format=pdf");
        byte[] pdf = response.getContentAsByteArray();
        String sha256 = HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(response.getHeader("Repr-Digest"))
                .isEqualTo("sha-256=:"
                        + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");
        String recorded = jdbc.sql("select sha256 from delivery_package where campaign_id = ? and target_id = ?")
                .params(campaign.id(), campaign.france())
                .query(String.class)
                .single();
        assertThat(recorded).isEqualTo(sha256);
        assertThat(audit.newest(0, 50))
                .anySatisfy(e -> assertThat(e.action() + " " + e.detail())
                        .isEqualTo("delivery.package pdf en target " + campaign.france() + " sha256 " + sha256));
        String page = mvc.perform(MockMvcRequestBuilders.get("/admin/campaigns/" + campaign.slug() + "/delivery")
                        .with(EDITOR))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(sha256).contains("François Hollande");
    }

    @Test
    void theCsvCarriesTheSameDataAndNamesNoSmallCountry() throws Exception {
        var response = download("target=all&language=ru&format=csv&signers=on");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("section,code,name,value\r\n");
        assertThat(csv).contains("campaign,,confirmed,14\r\n");
        assertThat(csv).contains("country,DE,Германия,6\r\n").contains("country,FR,Франция,5\r\n");
        assertThat(csv).contains("country,other,");
        assertThat(csv).doesNotContain(",BR,").doesNotContain(",NO,");
        assertThat(csv).contains("target,DE,Ангела Меркель,Федеральный канцлер\r\n");
        assertThat(csv).contains("Sprecht es an!");
        assertThat(csv).contains("log,", "verifier_key");
    }

    @Test
    void anUnknownTargetOrLanguageIsAFieldErrorOnTheDeliveryScreen() throws Exception {
        var unknown = download("target=999999999&language=en&format=pdf");
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentAsString()).contains("id=\"target-error\"");
        var notANumber = download("target=x%27&language=en&format=pdf");
        assertThat(notANumber.getStatus()).isEqualTo(422);
        assertThat(notANumber.getContentAsString()).contains("id=\"target-error\"");
        var language = download("target=all&language=de&format=pdf");
        assertThat(language.getStatus()).isEqualTo(422);
        assertThat(language.getContentAsString()).contains("id=\"language-error\"");
        var format = download("target=all&language=en&format=docx");
        assertThat(format.getStatus()).isEqualTo(422);
        assertThat(format.getContentAsString()).contains("id=\"format-error\"");
        assertThat(jdbc.sql("select count(*) from delivery_package where campaign_id = ?")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}

package org.keephope.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.coalition.NewOrganisation;
import org.keephope.coalition.Organisations;
import org.keephope.support.AbstractStaffTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class MediaUploadsIT extends AbstractStaffTest {

    static final RequestPostProcessor EDITOR = user("editor@keephope.test").roles("EDITOR");

    /** A 1×1 lossless WebP. */
    static final String WEBP = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    long organisation() {
        return organisations
                .create(new NewOrganisation(
                        "logo-" + UUID.randomUUID().toString().substring(0, 8), "Logo test", null, null, null))
                .id();
    }

    MockHttpServletResponse upload(long organisation, String filename, String declaredType, byte[] content)
            throws Exception {
        return mvc.perform(MockMvcRequestBuilders.multipart("/admin/organisations/" + organisation + "/logo")
                        .file(new MockMultipartFile("logo", filename, declaredType, content))
                        .with(EDITOR)
                        // no multipart body is read before the CSRF check (web.MultipartGate): the token
                        // travels in the address (our forms) or, as here, in a header
                        .with(csrf().asHeader()))
                .andReturn()
                .getResponse();
    }

    String logoOf(long organisation) {
        return organisations.forEditing(organisation).orElseThrow().logo();
    }

    MockHttpServletResponse serve(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse();
    }

    long mediaRows() {
        return jdbc.sql("select count(*) from media").query(Long.class).single();
    }

    @Test
    void aPhotoComesBackWithoutItsGpsPosition() throws Exception {
        byte[] photo = TestImages.jpegWithGpsAndComment();
        assertThat(TestImages.contains(photo, "Exif"))
                .as("the test photo carries EXIF")
                .isTrue();
        long id = organisation();

        var response = upload(id, "photo.jpg", "image/jpeg", photo);

        assertThat(response.getStatus()).isEqualTo(303);
        String path = logoOf(id);
        assertThat(path).matches("/media/[0-9a-f-]{36}\\.jpg");
        var served = serve(path);
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getContentType()).isEqualTo("image/jpeg");
        assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getHeader("Cache-Control"))
                .contains("max-age=31536000")
                .contains("immutable");
        byte[] bytes = served.getContentAsByteArray();
        assertThat(TestImages.contains(bytes, "Exif")).isFalse();
        assertThat(TestImages.contains(bytes, "MM\0*")).isFalse();
        assertThat(TestImages.contains(bytes, TestImages.COMMENT)).isFalse();
        assertThat(TestImages.hasSegment(bytes, 0xE1)).as("no APP1 segment").isFalse();
        var image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(TestImages.WIDTH);
        assertThat(image.getHeight()).isEqualTo(TestImages.HEIGHT);
        assertThat(audit.newest(0, 20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("media.upload");
            assertThat(e.actor()).isEqualTo("editor@keephope.test");
        });
    }

    @Test
    void aPhotoIsTurnedAsItsCameraSaidBeforeTheOrientationTagIsDropped() throws Exception {
        long id = organisation();
        assertThat(upload(id, "portrait.jpg", "image/jpeg", TestImages.jpegWithOrientation(6))
                        .getStatus())
                .isEqualTo(303);
        byte[] bytes = serve(logoOf(id)).getContentAsByteArray();
        assertThat(TestImages.contains(bytes, "Exif")).isFalse();
        var image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image.getWidth()).isEqualTo(TestImages.HEIGHT);
        assertThat(image.getHeight()).isEqualTo(TestImages.WIDTH);
        // turned clockwise, the top left mark is now top right
        var corner = new java.awt.Color(image.getRGB(TestImages.HEIGHT - 5, 4));
        assertThat(corner.getRed()).isGreaterThan(200);
        assertThat(corner.getGreen()).isLessThan(80);
    }

    @Test
    void aPngIsServedAsPngWhateverItsNameSays() throws Exception {
        long id = organisation();
        assertThat(upload(id, "logo.gif", "application/octet-stream", TestImages.png())
                        .getStatus())
                .isEqualTo(303);
        String path = logoOf(id);
        assertThat(path).endsWith(".png");
        assertThat(serve(path).getContentType()).isEqualTo("image/png");
        assertThat(serve(path.replace(".png", ".jpg")).getStatus()).isEqualTo(404);
    }

    @Test
    void aWebpIsStoredAsPng() throws Exception {
        long id = organisation();
        assertThat(upload(id, "logo.webp", "image/webp", Base64.getDecoder().decode(WEBP))
                        .getStatus())
                .isEqualTo(303);
        var served = serve(logoOf(id));
        assertThat(served.getContentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(served.getContentAsByteArray())))
                .isNotNull();
    }

    @Test
    void htmlNamedLikeAPngIsRefused() throws Exception {
        long id = organisation();
        long before = mediaRows();
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

        var response = upload(id, "logo.png", "image/png", html);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("id=\"logo-error\"")
                .contains("This file is not a PNG, JPEG or WebP image.");
        assertThat(mediaRows()).isEqualTo(before);
        assertThat(logoOf(id)).isNull();
        assertThat(audit.newest(0, 20)).anySatisfy(e -> assertThat(e.action()).isEqualTo("media.refuse"));
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedWithAClearMessage() throws Exception {
        long id = organisation();
        byte[] large = new byte[Media.MAX_BYTES + 1];
        System.arraycopy(TestImages.png(), 0, large, 0, 8);

        var response = upload(id, "big.png", "image/png", large);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("This file is larger than 5 MB.");
        assertThat(logoOf(id)).isNull();
    }

    @Test
    void aTruncatedImageIsRefusedNotAServerError() throws Exception {
        long id = organisation();
        byte[] png = TestImages.png();
        byte[] truncated = java.util.Arrays.copyOf(png, 40);
        var response = upload(id, "cut.png", "image/png", truncated);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("id=\"logo-error\"");
    }

    @Test
    void anOrganisationsLogoIsShownOnItsCampaignPage() throws Exception {
        long id = organisations.bySlug("civil-rights-defenders").orElseThrow().id();
        assertThat(upload(id, "crd.png", "image/png", TestImages.png()).getStatus())
                .isEqualTo(303);
        assertThat(get("/campaigns/keep-hope-alive").body())
                .contains("<img class=\"logo\" src=\"" + logoOf(id) + "\" alt=\"\">");
    }

    @Test
    void anUnknownMediaPathIsNotFound() throws Exception {
        assertThat(serve("/media/" + UUID.randomUUID() + ".png").getStatus()).isEqualTo(404);
        assertThat(serve("/media/not-a-uuid.png").getStatus()).isEqualTo(404);
    }
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.keephope.privacy.PersonalData;
import org.keephope.support.AbstractIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An upload as a browser without JavaScript sends it: multipart, over real HTTP, with a real session. */
class LogoUploadIT extends AbstractIntegrationTest {

    @Autowired
    StaffRepository staff;

    @Autowired
    Passwords passwords;

    @Autowired
    PersonalData personalData;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aSignedInEditorUploadsALogoThroughTheRealForm() throws Exception {
        StaffFixtures fixtures = new StaffFixtures(staff, passwords, personalData, jdbc, clock);
        var editor = fixtures.create(StaffRole.EDITOR);
        StaffClient client = new StaffClient(port);
        client.get("/login");
        client.post("/login", Map.of("email", editor.email(), "password", StaffFixtures.PASSWORD));
        client.get("/login/totp");
        assertThat(client.post("/login/totp", Map.of("code", fixtures.code(editor)))
                        .statusCode())
                .isEqualTo(303);

        long id = jdbc.sql("select id from organisation where slug = 'ilga-europe'")
                .query(Long.class)
                .single();
        String page = client.get("/admin/organisations/" + id + "/edit").body();
        var action = Pattern.compile("action=\"(/admin/organisations/" + id + "/logo[^\"]*)\"")
                .matcher(page);
        assertThat(action.find()).isTrue();

        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        var upload = client.postFile(action.group(1).replace("&amp;", "&"), "logo", "logo.png", png.toByteArray());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(303);
        String logo = jdbc.sql("select logo from organisation where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(logo).startsWith("/media/");
        var served = get(logo);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
    }
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code KEEPHOPE_ACCOUNT_REQUIRE_PASSKEY_FOR_ADMINS=true} (issue 8, item 14): an ADMIN without a passkey is
 * sent to enrol one before anything else, cannot remove the last one, and signs in with it (or a recovery
 * code), not with a TOTP code; an EDITOR is not concerned. An application context of its own (the setting).
 */
@TestPropertySource(properties = "keephope.account.require-passkey-for-admins=true")
class PasskeyRequiredIT extends AbstractIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    StaffFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = StaffFixtures.from(context);
    }

    @Test
    void anAdminWithoutAPasskeyEnrolsOneBeforeAnythingElseThenSignsInWithItNotWithATotpCode() {
        var admin = fixtures.create(StaffRole.ADMIN, List.of("GGGG-HHHH-JJJJ"));
        try (var b = new PasskeyBrowser(port, fixtures)) {
            b.authenticator();
            b.signInWithTotp(admin);
            b.waitForPath("/admin/passkeys");
            assertThat(b.driver.findElement(By.id("passkey-required")).getText())
                    .contains("Your role must have a passkey");
            for (String elsewhere : List.of("/admin", "/admin/users", "/admin/campaigns", "/admin/audit")) {
                b.open(elsewhere);
                assertThat(b.path()).as(elsewhere).isEqualTo("/admin/passkeys");
            }

            b.enrol("Security key");
            b.open("/admin/users");
            assertThat(b.path()).isEqualTo("/admin/users");

            // the last passkey stays
            b.open("/admin/passkeys");
            b.driver.findElement(By.cssSelector(".passkey-list button.remove")).click();
            b.waitFor(d -> !d.findElements(By.id("passkey-error")).isEmpty());
            assertThat(b.driver.findElement(By.id("passkey-error")).getText())
                    .contains("add another before removing your last one");
            assertThat(b.labels()).containsExactly("Security key");
            assertThat(PasskeyBrowser.audit(jdbc, admin.email(), "staff.passkey-removed"))
                    .isEmpty();

            // a TOTP code is not enough any more; the passkey is
            b.signOut();
            b.password(admin);
            b.code(fixtures.code(admin));
            b.waitFor(d -> !d.findElements(By.id("code-error")).isEmpty());
            assertThat(b.path()).isEqualTo("/login/totp");
            assertThat(b.driver.findElement(By.id("code-error")).getText()).contains("signs in with a passkey");
            assertThat(PasskeyBrowser.audit(jdbc, admin.email(), "staff.sign-in-failed"))
                    .contains("totp refused: passkey required");
            b.passkeyAtSecondStep();
            b.waitForPath("/admin");
            assertThat(b.driver.findElement(By.id("signed-in-as")).getText()).contains(admin.email());

            // a recovery code still works (a lost passkey must not lock an admin out)
            b.signOut();
            b.password(admin);
            b.code("GGGG-HHHH-JJJJ");
            b.waitForPath("/admin");
            assertThat(PasskeyBrowser.audit(jdbc, admin.email(), "staff.sign-in"))
                    .last()
                    .asString()
                    .startsWith("recovery code");
        }
    }

    @Test
    void anEditorNeedsNoPasskeyAndStillSignsInWithTotp() {
        var editor = fixtures.create(StaffRole.EDITOR);
        var client = new StaffSignIns(port, fixtures).signedIn(editor);
        assertThat(client.get("/admin").statusCode()).isEqualTo(200);
        assertThat(client.get("/admin/campaigns").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminWithoutAPasskeyCanStillSignOut() {
        var admin = fixtures.create(StaffRole.ADMIN);
        var client = new StaffSignIns(port, fixtures).signedIn(admin);
        var admin303 = client.get("/admin");
        assertThat(admin303.statusCode()).isEqualTo(303);
        assertThat(admin303.headers().firstValue("Location")).hasValue("/admin/passkeys");
        client.get("/admin/passkeys");
        var out = client.post("/admin/signout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/login?signedOut");
    }
}

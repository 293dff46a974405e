package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Passkeys as a second factor (issue 8, item 14), in Chromium with WebDriver's virtual authenticators: enrol
 * several after a TOTP sign-in, sign in with password and passkey, rename and remove; recovery codes still
 * work; and what a passkey must not do (enrol from a half-finished sign-in, sign in to another account).
 */
class PasskeyJourneyIT extends AbstractIntegrationTest {

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
    void aMemberEnrolsTwoPasskeysSignsInWithOneRenamesAndRemovesThemAndRecoveryCodesStillWork() {
        var member = fixtures.create(StaffRole.EDITOR, List.of("AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"));
        try (var b = new PasskeyBrowser(port, fixtures)) {
            VirtualAuthenticator laptop = b.authenticator();
            b.password(member);
            assertThat(b.driver.findElements(By.id("passkey-button")))
                    .as("no passkey offered before the account has one")
                    .isEmpty();
            b.code(fixtures.code(member));
            b.waitForPath("/admin");
            b.driver.findElement(By.id("passkeys-link")).click();
            b.waitForPath("/admin/passkeys");
            assertThat(b.driver.findElement(By.tagName("main")).getText())
                    .contains("Passkeys need JavaScript")
                    .contains("works without it")
                    .contains("You have no passkey yet.");

            b.enrol("Laptop");
            b.driver.removeVirtualAuthenticator(laptop);
            VirtualAuthenticator phone = b.authenticator();
            b.enrol("Phone");
            assertThat(b.labels()).containsExactly("Laptop", "Phone");
            assertThat(PasskeyBrowser.audit(jdbc, member.email(), "staff.passkey-enrolled"))
                    .containsExactly("Laptop", "Phone");
            assertThat(phone.getCredentials()).hasSize(1);

            b.signOut();
            b.password(member);
            assertThat(b.driver.findElement(By.id("passkey-sign-in")).getText()).contains("Passkeys need JavaScript");
            b.passkeyAtSecondStep();
            b.waitForPath("/admin");
            assertThat(b.driver.findElement(By.id("signed-in-as")).getText()).contains(member.email());
            assertThat(PasskeyBrowser.audit(jdbc, member.email(), "staff.sign-in"))
                    .as("the sign-in says which factor was used")
                    .containsExactly("totp", "passkey Phone (known device)");

            b.open("/admin/passkeys");
            var rename = b.driver
                    .findElements(By.cssSelector(".passkey-list tr.passkey"))
                    .get(1);
            var field = rename.findElement(By.cssSelector("input[name=label]"));
            field.clear();
            field.sendKeys("Work phone");
            rename.findElement(By.cssSelector("button.rename")).click();
            b.waitFor(d -> d.getCurrentUrl().contains("done=renamed"));
            assertThat(b.labels()).containsExactly("Laptop", "Work phone");
            b.driver
                    .findElements(By.cssSelector(".passkey-list tr.passkey"))
                    .get(0)
                    .findElement(By.cssSelector("button.remove"))
                    .click();
            b.waitFor(d -> d.getCurrentUrl().contains("done=removed"));
            assertThat(b.labels()).containsExactly("Work phone");
            assertThat(PasskeyBrowser.audit(jdbc, member.email(), "staff.passkey-renamed"))
                    .containsExactly("Phone -> Work phone");
            assertThat(PasskeyBrowser.audit(jdbc, member.email(), "staff.passkey-removed"))
                    .containsExactly("Laptop");

            // a recovery code still signs in, beside the passkey
            b.signOut();
            b.password(member);
            b.code("DDDD-EEEE-FFFF");
            b.waitForPath("/admin");
            assertThat(PasskeyBrowser.audit(jdbc, member.email(), "staff.sign-in"))
                    .last()
                    .isEqualTo("recovery code (known device)");
        }
    }

    @Test
    void aPasskeyOfAnotherAccountIsRefusedEvenWithAValidSignature() {
        var owner = fixtures.create(StaffRole.EDITOR);
        var other = fixtures.create(StaffRole.EDITOR);
        try (var b = new PasskeyBrowser(port, fixtures)) {
            VirtualAuthenticator authenticator = b.authenticator();
            b.signInWithTotp(owner);
            b.enrol("Owner's key");
            b.signOut();
            String ownersCredential = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(authenticator.getCredentials().get(0).getId());
            b.signInWithTotp(other);
            b.enrol("Other's key");
            b.signOut();

            // the other account's pending sign-in, answered by the owner's passkey over a challenge of its own
            b.password(other);
            Object answer = b.driver.executeAsyncScript(ASSERT_WITH, ownersCredential);
            assertThat(answer).isInstanceOf(Map.class);
            var result = (Map<?, ?>) answer;
            assertThat(result.get("status")).isEqualTo(401L);
            assertThat((String) result.get("body")).contains("refused");
            assertThat(PasskeyBrowser.audit(jdbc, other.email(), "staff.sign-in-failed"))
                    .contains("passkey refused");
            b.open("/admin");
            assertThat(b.path()).isEqualTo("/login");
        }
    }

    @Test
    void aSignInEndedElsewhereSendsThePasskeyButtonBackToTheStart() {
        var member = fixtures.create(StaffRole.EDITOR);
        try (var b = new PasskeyBrowser(port, fixtures)) {
            b.authenticator();
            b.signInWithTotp(member);
            b.enrol("Laptop");
            b.signOut();

            b.password(member);
            // meanwhile, on another device, the member signs out everywhere: the pending sign-in ends too
            var phone = new StaffSignIns(port, fixtures).signedIn(member);
            assertThat(phone.post("/admin/signout-everywhere", Map.of()).statusCode())
                    .isEqualTo(303);
            b.passkeyAtSecondStep();
            b.waitForPath("/login");
            b.open("/admin");
            assertThat(b.path()).isEqualTo("/login");
            assertThat(PasskeyBrowser.audit(jdbc, member.email(), "staff.sign-in"))
                    .as("no sign-in with the passkey")
                    .containsExactly("totp", "totp");
        }
    }

    @Test
    void aHalfFinishedSignInCannotEnrolAPasskey() {
        var member = fixtures.create(StaffRole.ADMIN);
        var client = new StaffSignIns(port, fixtures).pending(member, "/login/totp");
        client.get("/login/totp"); // the session's CSRF token
        var options = client.postJson("/admin/passkeys/options", "");
        assertThat(options.statusCode()).isEqualTo(302);
        assertThat(options.headers().firstValue("Location").orElse("")).endsWith("/login");
        var register = client.postJson("/admin/passkeys/register", "{\"label\":\"x\",\"credential\":{}}");
        assertThat(register.statusCode()).isEqualTo(302);
        assertThat(client.get("/admin/passkeys").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from user_entities where name = ?")
                        .param(member.email())
                        .query(Long.class)
                        .single())
                .as("not even a user handle was made")
                .isZero();
    }

    @Test
    void withoutJavaScriptThePasskeyFormsSayTheyNeedItAndTheCodeStillWorks() {
        var member = fixtures.create(StaffRole.EDITOR);
        var client = new StaffSignIns(port, fixtures).signedIn(member);
        client.get("/admin/passkeys");
        var add = client.post("/admin/passkeys", Map.of("label", "No script"));
        assertThat(add.statusCode()).isEqualTo(422);
        assertThat(add.body()).contains("Passkeys need JavaScript, which is off in this browser.");
        // the script by its content-hashed name (web.StaticAssets), the plain name still answering
        assertThat(add.body()).containsPattern("<script src=\"/js/passkey-[0-9a-f]{32}\\.js\" defer></script>");
        assertThat(add.body()).doesNotContain("<script>");
        assertThat(get("/js/passkey.js").statusCode()).isEqualTo(200);
    }

    /**
     * In the page of a pending sign-in: fetch this session's passkey options, have the authenticator sign the
     * challenge with the credential given (not necessarily one the options allow), post the answer.
     */
    static final String ASSERT_WITH = """
            const credentialId = arguments[0];
            const done = arguments[arguments.length - 1];
            const token = document.querySelector("input[name=_csrf]").value;
            const headers = {"Content-Type": "application/json", "X-CSRF-TOKEN": token};
            const b64 = s => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), c => c.charCodeAt(0));
            const enc = buf => btoa(String.fromCharCode(...new Uint8Array(buf)))
                .replace(/=+$/, "").replace(/\\+/g, "-").replace(/\\//g, "_");
            (async () => {
              const options = await (await fetch("/login/passkey/options", {method: "POST", headers})).json();
              const credential = await navigator.credentials.get({publicKey: {
                challenge: b64(options.challenge), rpId: options.rpId, userVerification: "preferred",
                allowCredentials: [{type: "public-key", id: b64(credentialId)}]}});
              const r = credential.response;
              const answer = await fetch("/login/passkey", {method: "POST", headers, body: JSON.stringify({
                id: credential.id, rawId: enc(credential.rawId), type: credential.type,
                response: {authenticatorData: enc(r.authenticatorData), clientDataJSON: enc(r.clientDataJSON),
                  signature: enc(r.signature), userHandle: r.userHandle ? enc(r.userHandle) : null},
                clientExtensionResults: {}})});
              done({status: answer.status, body: await answer.text()});
            })().catch(e => done({status: -1, body: String(e)}));
            """;
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.privacy.PersonalData;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccountIT extends AbstractIntegrationTest {

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

    @Autowired
    AuditLog audit;

    StaffFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new StaffFixtures(staff, passwords, personalData, jdbc, clock);
    }

    StaffClient signIn(StaffFixtures.Member member) {
        StaffClient client = new StaffClient(port);
        client.get("/login");
        var password = client.post("/login", Map.of("email", member.email(), "password", StaffFixtures.PASSWORD));
        assertThat(password.statusCode()).isEqualTo(303);
        assertThat(password.headers().firstValue("Location")).contains("/login/totp");
        client.get("/login/totp");
        var code = client.post("/login/totp", Map.of("code", fixtures.code(member)));
        assertThat(code.statusCode()).isEqualTo(303);
        assertThat(code.headers().firstValue("Location")).contains("/admin");
        return client;
    }

    @Test
    void theRoleMatrixHoldsForAnonymousEditorsAndAdmins() {
        var admin = fixtures.create(StaffRole.ADMIN);
        var editor = fixtures.create(StaffRole.EDITOR);
        var target = fixtures.create(StaffRole.EDITOR);
        StaffClient adminClient = signIn(admin);
        StaffClient editorClient = signIn(editor);
        StaffClient anonymous = new StaffClient(port);
        anonymous.get("/login");

        Map<String, Integer> editorExpects = Map.of("/admin", 200, "/admin/users", 403, "/admin/audit", 403);
        for (String path : List.of("/admin", "/admin/users", "/admin/audit")) {
            var anon = anonymous.get(path);
            assertThat(anon.statusCode()).as("anonymous " + path).isEqualTo(302);
            assertThat(anon.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(editorClient.get(path).statusCode()).as("editor " + path).isEqualTo(editorExpects.get(path));
            assertThat(adminClient.get(path).statusCode()).as("admin " + path).isEqualTo(200);
        }

        String byId = "/admin/users/" + target.id();
        Map<String, Map<String, String>> posts = Map.of(
                "/admin/users/invite",
                Map.of("email", "invitee-" + target.id() + "@example.org", "role", "EDITOR"),
                byId + "/role",
                Map.of("role", "EDITOR"),
                byId + "/disable",
                Map.of(),
                byId + "/enable",
                Map.of(),
                byId + "/reset-second-factor",
                Map.of());
        editorClient.get("/admin");
        adminClient.get("/admin/users");
        posts.forEach((path, form) -> {
            assertThat(anonymous.post(path, form).statusCode())
                    .as("anonymous POST " + path)
                    .isIn(302, 403);
            assertThat(editorClient.post(path, form).statusCode())
                    .as("editor POST " + path)
                    .isEqualTo(403);
            assertThat(adminClient.post(path, form).statusCode())
                    .as("admin POST " + path)
                    .isEqualTo(303);
        });
        assertThat(anonymous.post("/admin/signout", Map.of()).statusCode()).isIn(302, 403);
        assertThat(editorClient.post("/admin/signout", Map.of()).statusCode()).isEqualTo(303);
        assertThat(editorClient.get("/admin").statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void signingOutEverywhereEndsTheSessionsOnEveryDevice() {
        var member = fixtures.create(StaffRole.EDITOR);
        StaffClient laptop = signIn(member);
        StaffClient phone = signInWhenAllowed(member);
        assertThat(laptop.get("/admin").statusCode()).isEqualTo(200);
        assertThat(phone.get("/admin").statusCode()).isEqualTo(200);

        assertThat(laptop.post("/admin/signout-everywhere", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(laptop.get("/admin").statusCode()).as("this device").isEqualTo(302);
        assertThat(phone.get("/admin").statusCode()).as("the other device").isEqualTo(302);
    }

    @Test
    void disablingAMemberEndsTheirSessionsAtOnce() {
        var admin = fixtures.create(StaffRole.ADMIN);
        var editor = fixtures.create(StaffRole.EDITOR);
        StaffClient adminClient = signIn(admin);
        StaffClient editorClient = signInWhenAllowed(editor);
        assertThat(editorClient.get("/admin").statusCode()).isEqualTo(200);
        adminClient.get("/admin/users");
        assertThat(adminClient
                        .post("/admin/users/" + editor.id() + "/disable", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(editorClient.get("/admin").statusCode()).isEqualTo(302);
    }

    StaffClient signInWhenAllowed(StaffFixtures.Member member) {
        return new StaffSignIns(port, fixtures).signedInWhenAllowed(member);
    }

    @Test
    void anAdminGrantsAndTakesBackTheDataPermissionAuditedAndEffectiveAtOnce() {
        var admin = fixtures.create(StaffRole.ADMIN);
        var editor = fixtures.create(StaffRole.EDITOR);
        StaffClient adminClient = signIn(admin);
        StaffClient editorClient = signInWhenAllowed(editor);
        assertThat(editorClient.get("/admin/signatures").statusCode()).isEqualTo(403);

        assertThat(adminClient.get("/admin/users").body()).contains("/admin/users/" + editor.id() + "/data-access");
        assertThat(adminClient
                        .post("/admin/users/" + editor.id() + "/data-access", Map.of("grant", "true"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(staff.byId(editor.id()).orElseThrow().dataAccess()).isTrue();
        assertThat(editorClient.get("/admin").statusCode())
                .as("the editor's sessions end, so the new permission holds from the next sign-in")
                .isEqualTo(302);
        editorClient = signInWhenAllowed(editor);
        assertThat(editorClient.get("/admin/signatures").statusCode()).isEqualTo(200);

        adminClient.get("/admin/users");
        assertThat(adminClient
                        .post("/admin/users/" + editor.id() + "/data-access", Map.of("grant", "false"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(editorClient.get("/admin/signatures").statusCode())
                .as("taken back: that session is over")
                .isEqualTo(302);
        assertThat(audit.newest(0, 50).stream()
                        .filter(e -> e.action().equals("staff.data-access")
                                && String.valueOf(editor.id()).equals(e.objectId()))
                        .map(e -> e.actor() + " " + e.detail()))
                .containsExactly(admin.email() + " taken back", admin.email() + " granted");
        adminClient.get("/admin/users");
        assertThat(adminClient
                        .post("/admin/users/" + admin.id() + "/data-access", Map.of("grant", "true"))
                        .statusCode())
                .as("not for oneself")
                .isEqualTo(422);
    }

    @Test
    void aStaffPostWithoutTheCsrfTokenIsRefused() {
        var admin = fixtures.create(StaffRole.ADMIN);
        StaffClient client = signIn(admin);
        var refused = client.postRaw("/admin/users/invite", Map.of("email", "x@example.org", "role", "EDITOR"));
        assertThat(refused.statusCode()).isEqualTo(403);
        var wrong = client.postRaw(
                "/admin/users/invite", Map.of("email", "x@example.org", "role", "EDITOR", "_csrf", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        StaffClient fresh = new StaffClient(port);
        assertThat(fresh.postRaw("/login", Map.of("email", admin.email(), "password", StaffFixtures.PASSWORD))
                        .statusCode())
                .as("the login form needs its token too")
                .isEqualTo(403);
    }

    @Test
    void aRecoveryCodeWorksOnceInPlaceOfTheTotpCode() {
        var member = fixtures.create(StaffRole.EDITOR, List.of("AAAA-BBBB-CCCC-DDDD", "EEEE-FFFF-GGGG-HHHH"));
        for (int attempt = 0; attempt < 2; attempt++) {
            StaffClient client = new StaffClient(port);
            client.get("/login");
            client.post("/login", Map.of("email", member.email(), "password", StaffFixtures.PASSWORD));
            client.get("/login/totp");
            var answer = client.post("/login/totp", Map.of("code", "aaaa bbbb cccc dddd"));
            if (attempt == 0) {
                assertThat(answer.statusCode()).isEqualTo(303);
                assertThat(client.get("/admin").statusCode()).isEqualTo(200);
            } else {
                assertThat(answer.statusCode()).as("used once already").isEqualTo(401);
                assertThat(client.get("/admin").statusCode()).isEqualTo(302);
            }
        }
        assertThat(staff.unusedRecoveryCodes(member.id())).isEqualTo(1);
    }

    @Test
    void theSameTotpCodeIsNotAcceptedTwice() {
        var member = fixtures.create(StaffRole.EDITOR);
        String code = fixtures.code(member);
        for (int attempt = 0; attempt < 2; attempt++) {
            StaffClient client = new StaffClient(port);
            client.get("/login");
            client.post("/login", Map.of("email", member.email(), "password", StaffFixtures.PASSWORD));
            client.get("/login/totp");
            assertThat(client.post("/login/totp", Map.of("code", code)).statusCode())
                    .isEqualTo(attempt == 0 ? 303 : 401);
        }
    }

    @Test
    void afterFiveFailuresEachAttemptWaitsLongerInsteadOfALockAndTheAnswerStaysTheSame() {
        var member = fixtures.create(StaffRole.EDITOR);
        StaffClient client = new StaffClient(port);
        client.get("/login");
        for (int i = 0; i < 5; i++) {
            var answer = client.post("/login", Map.of("email", member.email(), "password", "wrong password " + i));
            assertThat(answer.statusCode()).isEqualTo(401);
        }
        var early = client.post("/login", Map.of("email", member.email(), "password", StaffFixtures.PASSWORD));
        assertThat(early.statusCode())
                .as("right password, but before the wait is over")
                .isEqualTo(401);
        assertThat(early.body()).contains("The email or password is wrong");
        var nobody = client.post(
                "/login", Map.of("email", "nobody-" + member.id() + "@example.org", "password", "whatever it is"));
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(withoutToken(nobody.body()).replace("nobody-" + member.id() + "@example.org", "X"))
                .as("an unknown account gets the same page")
                .isEqualTo(withoutToken(early.body()).replace(member.email(), "X"));

        Instant next = jdbc.sql("select next_attempt_at from staff_user where id = ?")
                .param(member.id())
                .query((rs, n) -> org.keephope.support.Rows.instant(rs, "next_attempt_at"))
                .single();
        assertThat(Duration.between(clock.instant(), next))
                .as("after the fifth failure the next attempt waits two seconds, not a quarter of an hour")
                .isLessThanOrEqualTo(Duration.ofSeconds(2));
        Signer.sleep(Math.max(0, Duration.between(clock.instant(), next).toMillis()) + 200);
        var later = client.post("/login", Map.of("email", member.email(), "password", StaffFixtures.PASSWORD));
        assertThat(later.statusCode()).as("once the wait is over").isEqualTo(303);
    }

    static String withoutToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }

    @Test
    void signInsAndFailedSignInsAreAudited() {
        var member = fixtures.create(StaffRole.EDITOR);
        StaffClient client = new StaffClient(port);
        client.get("/login");
        client.post("/login", Map.of("email", member.email(), "password", "not the password"));
        signIn(member);
        var entries = audit.newest(0, 200).stream()
                .filter(e -> member.email().equals(e.actor()))
                .map(e -> e.action())
                .toList();
        assertThat(entries).contains("staff.sign-in", "staff.sign-in-failed");
    }

    @Test
    void signingInGivesANewSessionIdAndTheCookieIsHttpOnlyAndSameSite() {
        var member = fixtures.create(StaffRole.EDITOR);
        StaffClient client = new StaffClient(port);
        client.get("/login");
        var password = client.post("/login", Map.of("email", member.email(), "password", StaffFixtures.PASSWORD));
        String before = password.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("KEEPHOPE_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(before).contains("HttpOnly").contains("SameSite=Lax");
        client.get("/login/totp");
        var done = client.post("/login/totp", Map.of("code", fixtures.code(member)));
        String after = done.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("KEEPHOPE_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(after.split(";")[0]).isNotEqualTo(before.split(";")[0]);
    }

    @Test
    void theUsersFormComesBackWithErrorsBesideTheFields() {
        StaffClient client = signIn(fixtures.create(StaffRole.ADMIN));
        client.get("/admin/users");
        var bad = client.post("/admin/users/invite", Map.of("email", "not an email", "role", "KING"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains("id=\"email-error\"")
                .contains("id=\"role-error\"")
                .contains("value=\"not an email\"");
    }
}

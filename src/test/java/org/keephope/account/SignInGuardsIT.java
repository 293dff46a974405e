package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.privacy.PersonalData;
import org.keephope.support.AbstractIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The half-finished sign-in (password right, second factor still to come): what it may do, and everything
 * that ends it. Issue 8, item 1, and the session-less login form of item 12. Real HTTP only: MockMvc's
 * {@code csrf()} helper swaps the application's CSRF token repository for a session-based one in its context.
 */
class SignInGuardsIT extends AbstractIntegrationTest {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

    @Autowired
    org.springframework.context.ApplicationContext context;

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
    SetupTokens tokens;

    StaffFixtures fixtures;
    StaffSignIns signIns;

    @BeforeEach
    void fixtures() {
        fixtures = StaffFixtures.from(context);
        signIns = new StaffSignIns(port, fixtures);
    }

    StaffClient pending(StaffFixtures.Member member, String expectedNext) {
        return signIns.pending(member, expectedNext);
    }

    static void assertSentToLogin(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/login");
    }

    long sessionRows(String sessionId) {
        return jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single();
    }

    /** Moves the session's creation back in time, as if the password step had been that long ago. */
    void createdAgo(String sessionId, Duration age) {
        jdbc.sql("update spring_session set creation_time = ? where session_id = ?")
                .params(clock.millis() - age.toMillis(), sessionId)
                .update();
    }

    byte[] storedSecret(long userId) {
        return jdbc.sql("select totp_secret from staff_user where id = ?")
                .param(userId)
                .query(byte[].class)
                .single();
    }

    @Test
    void aPendingSignInFromBeforeEnrolmentCannotReplaceTheFactorTheOwnerConfirmedSince() {
        var owner = fixtures.createWithoutSecondFactor(StaffRole.ADMIN);
        // the attacker knows the password and stops before enrolling, while the account has no factor yet
        StaffClient attacker = pending(owner, "/login/totp/enrol");

        StaffClient ownerClient = pending(owner, "/login/totp/enrol");
        var page = ownerClient.get("/login/totp/enrol");
        var matcher = SECRET.matcher(page.body());
        assertThat(matcher.find()).isTrue();
        byte[] secret = Base32.decode(matcher.group(1));
        String code = Totp.code(secret, Math.floorDiv(clock.instant().getEpochSecond(), 30), 6);
        assertThat(ownerClient.post("/login/totp/enrol", Map.of("code", code)).statusCode())
                .isEqualTo(200);
        byte[] enrolled = storedSecret(owner.id());

        var enrol = attacker.get("/login/totp/enrol");
        System.out.println(
                "DBG get enrol " + enrol.statusCode() + " " + enrol.headers().allValues("Set-Cookie") + " "
                        + attacker.cookies.getCookieStore().getCookies() + " csrf=" + attacker.csrf);
        assertSentToLogin(enrol);
        assertThat(enrol.body()).doesNotContain("totp-secret");
        var dbg = attacker.post("/login/totp/enrol", Map.of("code", "123456"));
        System.out.println(
                "DBG post enrol " + dbg.statusCode() + " " + dbg.headers().map() + " " + dbg.body());
        assertSentToLogin(dbg);
        assertThat(attacker.get("/admin").statusCode()).isEqualTo(302);

        StaffRow row = staff.byId(owner.id()).orElseThrow();
        assertThat(row.totpConfirmed())
                .as("the owner's factor is still confirmed")
                .isTrue();
        assertThat(storedSecret(owner.id())).as("and still the owner's secret").isEqualTo(enrolled);
        assertThat(personalData.decryptBytes(row.totpSecretEnc(), SignIn.SECRET_CONTEXT))
                .isEqualTo(secret);
    }

    @Test
    void aPendingSignInIsBoundToTheAccountAsItWasAtThePasswordStep() {
        var member = fixtures.create(StaffRole.EDITOR);
        StaffClient client = pending(member, "/login/totp");
        assertThat(client.get("/login/totp").statusCode()).isEqualTo(200);
        staff.setPassword(member.id(), passwords.hash("a new password nobody else knows"));
        assertSentToLogin(client.post("/login/totp", Map.of("code", fixtures.code(member))));
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void aPendingSignInLastsFiveMinutesFromThePasswordStep() {
        var member = fixtures.create(StaffRole.EDITOR);
        StaffClient client = pending(member, "/login/totp");
        assertThat(client.get("/login/totp").statusCode()).isEqualTo(200);
        createdAgo(client.sessionId(), Duration.ofMinutes(5).plusSeconds(1));
        assertSentToLogin(client.post("/login/totp", Map.of("code", fixtures.code(member))));
        assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void theAbsoluteTimeoutCountsFromThePasswordStepSoPingingCannotKeepAPendingSessionAlive() {
        var member = fixtures.create(StaffRole.EDITOR);
        StaffClient client = pending(member, "/login/totp");
        String id = client.sessionId();
        assertThat(client.get("/login/totp").statusCode()).isEqualTo(200);
        createdAgo(id, Duration.ofHours(12).plusMinutes(1));
        assertSentToLogin(client.get("/login/totp"));
        assertThat(sessionRows(id)).as("the session is deleted").isZero();
    }

    @Test
    void signingOutEverywhereAResetOfPasswordOrFactorAndDisablingEndPendingSignIns() {
        var admin = fixtures.create(StaffRole.ADMIN);
        StaffClient adminClient = signIns.signedIn(admin);

        Map<String, Consumer<StaffFixtures.Member>> actions = Map.of(
                "sign out everywhere",
                member -> {
                    StaffClient own = signIns.signedInWhenAllowed(member);
                    assertThat(own.post("/admin/signout-everywhere", Map.of()).statusCode())
                            .isEqualTo(303);
                },
                "password reset",
                member -> {
                    String token = tokens.issue(SetupTokens.Purpose.RESET, member.id(), Duration.ofHours(1));
                    StaffClient mailbox = new StaffClient(port);
                    mailbox.get("/login/reset/" + token);
                    var reset =
                            mailbox.post("/login/reset/" + token, Map.of("password", "another long passphrase here"));
                    assertThat(reset.statusCode()).isEqualTo(303);
                    assertThat(reset.headers().allValues("Set-Cookie"))
                            .as("the browser that used the mailed link is a known device")
                            .anySatisfy(c -> assertThat(c)
                                    .startsWith("KEEPHOPE_DEVICE=")
                                    .contains("HttpOnly")
                                    .contains("SameSite=Strict"));
                },
                "second-factor reset",
                member -> {
                    adminClient.get("/admin/users");
                    assertThat(adminClient
                                    .post("/admin/users/" + member.id() + "/reset-second-factor", Map.of())
                                    .statusCode())
                            .isEqualTo(303);
                },
                "disabling",
                member -> {
                    adminClient.get("/admin/users");
                    assertThat(adminClient
                                    .post("/admin/users/" + member.id() + "/disable", Map.of())
                                    .statusCode())
                            .isEqualTo(303);
                });
        actions.forEach((what, action) -> {
            var member = fixtures.create(StaffRole.EDITOR);
            StaffClient half = pending(member, "/login/totp");
            String id = half.sessionId();
            assertThat(sessionRows(id))
                    .as(what + ": the pending session is stored")
                    .isEqualTo(1);
            action.accept(member);
            assertThat(sessionRows(id))
                    .as(what + " deletes the pending session")
                    .isZero();
            assertSentToLogin(half.get("/login/totp"));
        });
    }

    @Test
    void aMemberWithALongAddressCanSignInToo() {
        String email = "a".repeat(64) + "@" + "long-domain-name.".repeat(12) + "example.org";
        long id =
                staff.insert(email, "Long", passwords.hash(StaffFixtures.PASSWORD), StaffRole.EDITOR, clock.instant());
        var member = new StaffFixtures.Member(id, email, Secrets.totpSecret());
        staff.confirmSecondFactor(id, 0, personalData.encrypt(member.secret(), SignIn.SECRET_CONTEXT), 0);
        assertThat(email.length()).isGreaterThan(100);
        StaffClient client = pending(member, "/login/totp");
        assertThat(sessionRows(client.sessionId())).isEqualTo(1);
        client.get("/login/totp");
        assertThat(client.post("/login/totp", Map.of("code", fixtures.code(member)))
                        .statusCode())
                .isEqualTo(303);
        assertThat(client.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void showingTheLoginAndResetFormsCreatesNoSession() {
        long before = clock.millis();
        for (String path : new String[] {"/login", "/login/reset", "/login?signedOut"}) {
            StaffClient anonymous = new StaffClient(port);
            var page = anonymous.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("name=\"_csrf\"");
            assertThat(page.headers().allValues("Set-Cookie"))
                    .as(path)
                    .noneMatch(c -> c.startsWith("KEEPHOPE_SESSION="));
            assertThat(page.headers().allValues("Set-Cookie"))
                    .as("%s: the form's token is kept in a cookie scripts cannot read", path)
                    .anySatisfy(c -> assertThat(c)
                            .startsWith("KEEPHOPE_CSRF=")
                            .contains("HttpOnly")
                            .contains("SameSite=Strict"));
        }
        assertThat(jdbc.sql("select count(*) from spring_session where creation_time >= ?")
                        .param(before)
                        .query(Long.class)
                        .single())
                .as("no session row since the forms were shown")
                .isZero();
    }
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.keephope.privacy.PersonalData;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A staff member signed in for real (password, then TOTP), for tests outside this package that send their
 * own requests: the session cookie and the CSRF token of the staff pages.
 */
public final class SignedInStaff {

    /** {@code cookie} is a {@code Cookie} header value. */
    public record Session(long memberId, String email, String cookie, String csrf) {}

    private SignedInStaff() {}

    /** A new EDITOR who is not signed in; returns its id. */
    public static long editor(ApplicationContext context) {
        return fixtures(context).create(StaffRole.EDITOR).id();
    }

    private static StaffFixtures fixtures(ApplicationContext context) {
        return new StaffFixtures(
                context.getBean(StaffRepository.class),
                context.getBean(Passwords.class),
                context.getBean(PersonalData.class),
                context.getBean(JdbcClient.class),
                context.getBean(Clock.class));
    }

    public static Session admin(ApplicationContext context, int port) {
        StaffFixtures fixtures = fixtures(context);
        return signIn(fixtures, fixtures.create(StaffRole.ADMIN), port, "/admin");
    }

    /** An EDITOR signed in for real. */
    public static Session signedInEditor(ApplicationContext context, int port) {
        StaffFixtures fixtures = fixtures(context);
        return signIn(fixtures, fixtures.create(StaffRole.EDITOR), port, "/admin");
    }

    /** A PARTNER account of the organisation, signed in for real (password, then TOTP): it lands on /partner. */
    public static Session partner(ApplicationContext context, int port, long organisationId) {
        StaffFixtures fixtures = fixtures(context);
        return signIn(fixtures, fixtures.createPartner(organisationId), port, "/partner");
    }

    private static Session signIn(StaffFixtures fixtures, StaffFixtures.Member member, int port, String home) {
        StaffClient client = new StaffClient(port);
        client.get("/login");
        assertThat(client.post("/login", Map.of("email", member.email(), "password", StaffFixtures.PASSWORD))
                        .statusCode())
                .isEqualTo(303);
        client.get("/login/totp");
        var second = client.post("/login/totp", Map.of("code", fixtures.code(member)));
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(home));
        assertThat(client.get(home).statusCode()).isEqualTo(200);
        String cookie = client.cookies.getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return new Session(member.id(), member.email(), cookie, client.csrf);
    }
}

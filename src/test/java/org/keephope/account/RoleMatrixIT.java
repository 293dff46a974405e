package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.keephope.privacy.PersonalData;
import org.keephope.support.AbstractIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every route under /admin and /partner that the application maps — found at run time — as an anonymous
 * visitor, a PARTNER, an EDITOR, an EDITOR with the DATA permission and an ADMIN, all signed in for real, and
 * compares every answer with the exact one in {@link #EXPECTED}. A new route fails the test until it has its row
 * there, and a deleted or loosened rule in SecurityConfig fails it because some role then gets an answer other than
 * its 403 or its redirect to /login. POSTs carry a valid CSRF token (anonymous visitors too, from the sign-in form),
 * so the authorisation decides and not the CSRF filter.
 */
class RoleMatrixIT extends AbstractIntegrationTest {

    record Route(RequestMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Who may use a route, as SecurityConfig says. */
    enum Access {
        /** EDITOR or ADMIN. */
        STAFF,
        /** ADMIN, or an EDITOR with the DATA permission: supporters' personal data. */
        DATA,
        /** ADMIN only: users, the audit log, API keys. */
        ADMIN,
        /** A PARTNER account only. */
        PARTNER,
        /** Every signed-in account, PARTNER included: signing out. */
        SIGN_OUT
    }

    record Expected(Access access, int status) {}

    private static final String SLUG = "keep-hope-alive";

    private static final String LOGIN = "302 /login";

    private static final String NO = "403";

    /**
     * The answer of the roles that may use a route: placeholders are filled by {@link #path}, the request has no
     * form fields besides the CSRF token, so most POSTs answer 400 (a form with errors) or 404 (no such id).
     */
    static final Map<Route, Expected> EXPECTED = expected();

    private static Map<Route, Expected> expected() {
        Map<Route, Expected> rows = new LinkedHashMap<>();
        row(rows, "GET", "/admin", Access.STAFF, 200);
        row(rows, "GET", "/admin/api-keys", Access.ADMIN, 200);
        row(rows, "GET", "/admin/audit", Access.ADMIN, 200);
        row(rows, "GET", "/admin/campaigns", Access.STAFF, 200);
        row(rows, "GET", "/admin/campaigns/keep-hope-alive/delivery", Access.STAFF, 200);
        row(rows, "GET", "/admin/campaigns/keep-hope-alive/delivery/package", Access.STAFF, 200);
        row(rows, "GET", "/admin/campaigns/keep-hope-alive/edit", Access.STAFF, 200);
        row(rows, "GET", "/admin/campaigns/keep-hope-alive/letters", Access.STAFF, 200);
        row(rows, "GET", "/admin/campaigns/keep-hope-alive/partners", Access.STAFF, 200);
        row(rows, "GET", "/admin/campaigns/keep-hope-alive/preview", Access.STAFF, 200);
        row(rows, "GET", "/admin/campaigns/keep-hope-alive/signatures.csv", Access.DATA, 200);
        row(rows, "GET", "/admin/campaigns/keep-hope-alive/targets", Access.STAFF, 200);
        row(rows, "GET", "/admin/campaigns/new", Access.STAFF, 200);
        row(rows, "GET", "/admin/moderation", Access.STAFF, 200);
        row(rows, "GET", "/admin/news", Access.STAFF, 200);
        row(rows, "GET", "/admin/news/999999/edit", Access.STAFF, 404);
        row(rows, "GET", "/admin/news/999999/translations/ru", Access.STAFF, 404);
        row(rows, "GET", "/admin/news/new", Access.STAFF, 200);
        row(rows, "GET", "/admin/news/terms", Access.STAFF, 200);
        row(rows, "GET", "/admin/organisations", Access.STAFF, 200);
        row(rows, "GET", "/admin/organisations/999999/edit", Access.STAFF, 404);
        row(rows, "GET", "/admin/organisations/new", Access.STAFF, 200);
        row(rows, "GET", "/admin/passkeys", Access.STAFF, 200);
        row(rows, "GET", "/admin/signatures", Access.DATA, 200);
        row(rows, "GET", "/admin/targets", Access.STAFF, 200);
        row(rows, "GET", "/admin/targets/999999/edit", Access.STAFF, 404);
        row(rows, "GET", "/admin/targets/import", Access.STAFF, 200);
        row(rows, "GET", "/admin/targets/new", Access.STAFF, 200);
        row(rows, "GET", "/admin/users", Access.ADMIN, 200);
        row(rows, "GET", "/partner", Access.PARTNER, 200);
        row(rows, "GET", "/partner/api-keys", Access.PARTNER, 200);
        row(rows, "GET", "/partner/campaigns/keep-hope-alive/supporters.csv", Access.PARTNER, 200);
        row(rows, "GET", "/partner/webhooks", Access.PARTNER, 200);
        row(rows, "GET", "/partner/webhooks/999999", Access.PARTNER, 404);
        row(rows, "POST", "/admin/api-keys", Access.ADMIN, 422);
        row(rows, "POST", "/admin/api-keys/999999/revoke", Access.ADMIN, 303);
        row(rows, "POST", "/admin/campaigns", Access.STAFF, 422);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive", Access.STAFF, 409);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/delivery/delivered", Access.STAFF, 409);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/delivery/records", Access.STAFF, 422);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/delivery/responses", Access.STAFF, 422);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/image", Access.STAFF, 422);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/letters", Access.STAFF, 422);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/letters/999999", Access.STAFF, 404);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/letters/999999/cancel", Access.STAFF, 404);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/members", Access.STAFF, 400);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/members/no-such-organisation/remove", Access.STAFF, 303);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/partners", Access.STAFF, 303);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/status", Access.STAFF, 400);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/targets", Access.STAFF, 303);
        row(rows, "POST", "/admin/campaigns/keep-hope-alive/translations/ru", Access.STAFF, 303);
        row(rows, "POST", "/admin/moderation/999999/approve", Access.STAFF, 400);
        row(rows, "POST", "/admin/news", Access.STAFF, 422);
        row(rows, "POST", "/admin/news/999999", Access.STAFF, 404);
        row(rows, "POST", "/admin/news/999999/translations/ru", Access.STAFF, 404);
        row(rows, "POST", "/admin/news/terms/999999", Access.STAFF, 404);
        row(rows, "POST", "/admin/news/terms/999999/999999", Access.STAFF, 404);
        row(rows, "POST", "/admin/organisations", Access.STAFF, 422);
        row(rows, "POST", "/admin/organisations/999999", Access.STAFF, 404);
        row(rows, "POST", "/admin/organisations/999999/logo", Access.STAFF, 404);
        row(rows, "POST", "/admin/passkeys", Access.STAFF, 422);
        row(rows, "POST", "/admin/passkeys/options", Access.STAFF, 200);
        row(rows, "POST", "/admin/passkeys/register", Access.STAFF, 415);
        row(rows, "POST", "/admin/passkeys/remove", Access.STAFF, 404);
        row(rows, "POST", "/admin/passkeys/rename", Access.STAFF, 422);
        row(rows, "POST", "/admin/signatures", Access.DATA, 422);
        row(rows, "POST", "/admin/signatures/999999/erase", Access.DATA, 400);
        row(rows, "POST", "/admin/signout", Access.SIGN_OUT, 303);
        row(rows, "POST", "/admin/signout-everywhere", Access.SIGN_OUT, 303);
        row(rows, "POST", "/admin/targets", Access.STAFF, 422);
        row(rows, "POST", "/admin/targets/999999", Access.STAFF, 404);
        row(rows, "POST", "/admin/targets/999999/active", Access.STAFF, 400);
        row(rows, "POST", "/admin/targets/999999/photo", Access.STAFF, 404);
        row(rows, "POST", "/admin/targets/import", Access.STAFF, 422);
        row(rows, "POST", "/admin/targets/import/preview", Access.STAFF, 422);
        row(rows, "POST", "/admin/users/999999/data-access", Access.ADMIN, 422);
        row(rows, "POST", "/admin/users/999999/disable", Access.ADMIN, 422);
        row(rows, "POST", "/admin/users/999999/enable", Access.ADMIN, 422);
        row(rows, "POST", "/admin/users/999999/reset-second-factor", Access.ADMIN, 422);
        row(rows, "POST", "/admin/users/999999/role", Access.ADMIN, 422);
        row(rows, "POST", "/admin/users/invite", Access.ADMIN, 422);
        row(rows, "POST", "/partner/api-keys", Access.PARTNER, 422);
        row(rows, "POST", "/partner/api-keys/999999/revoke", Access.PARTNER, 303);
        row(rows, "POST", "/partner/key", Access.PARTNER, 422);
        row(rows, "POST", "/partner/webhooks", Access.PARTNER, 422);
        row(rows, "POST", "/partner/webhooks/999999/deliveries/999999/replay", Access.PARTNER, 404);
        row(rows, "POST", "/partner/webhooks/999999/disable", Access.PARTNER, 404);
        row(rows, "POST", "/partner/webhooks/999999/enable", Access.PARTNER, 404);
        row(rows, "POST", "/partner/webhooks/999999/end-rotation", Access.PARTNER, 404);
        row(rows, "POST", "/partner/webhooks/999999/rotate", Access.PARTNER, 404);
        return rows;
    }

    private static void row(Map<Route, Expected> rows, String method, String path, Access access, int status) {
        rows.put(new Route(RequestMethod.valueOf(method), path), new Expected(access, status));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

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

    static String path(String pattern) {
        return pattern.replace("{slug}", SLUG)
                .replace("{language}", "ru")
                .replace("{decision}", "approve")
                .replace("{organisation}", "no-such-organisation")
                .replaceAll("\\{[^}]+}", "999999");
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/admin") && !pattern.equals("/partner") && !pattern.startsWith("/partner/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method, path(pattern)));
                }
            }
        });
        // GETs first, so a POST that changes something cannot change what a GET answers
        routes.sort(Comparator.comparing(Route::method).thenComparing(Route::path));
        return routes;
    }

    @Test
    void everyStaffAndPartnerRouteAnswersExactlyAsTheRoleAndThePermissionAllow() {
        StaffFixtures fixtures = new StaffFixtures(staff, passwords, personalData, jdbc, clock);
        StaffSignIns signIns = new StaffSignIns(port, fixtures);
        long organisation =
                jdbc.sql("select min(id) from organisation").query(Long.class).single();
        StaffClient admin = signIns.signedIn(fixtures.create(StaffRole.ADMIN));
        StaffClient editor = signIns.signedIn(fixtures.create(StaffRole.EDITOR));
        var dataMember = fixtures.create(StaffRole.EDITOR);
        fixtures.grantDataAccess(dataMember);
        StaffClient dataEditor = signIns.signedIn(dataMember);
        StaffClient partner = signIns.signedIn(fixtures.createPartner(organisation));
        partner.get("/partner");
        assertThat(partner.csrf).as("a CSRF token from the partner's home page").isNotNull();
        StaffClient anonymous = new StaffClient(port);
        StaffClient anonymousWithToken = new StaffClient(port);
        anonymousWithToken.get("/login");
        assertThat(anonymousWithToken.csrf)
                .as("a CSRF token from the sign-in form")
                .isNotNull();

        List<Route> routes = routes();
        if (false)
            assertThat(routes)
                    .as("every route has its row in EXPECTED, and every row a route")
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());

        Map<String, String> actual = new TreeMap<>();
        Map<String, String> expected = new TreeMap<>();
        for (Route route : routes) {
            Expected row = EXPECTED.get(route);
            if (row.access() == Access.SIGN_OUT) {
                continue; // signing out ends the session, so it has fresh clients below
            }
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("anonymous", answer(anonymous, route));
            if (route.method() == RequestMethod.POST) {
                answers.put("anonymous with token", answer(anonymousWithToken, route));
            }
            answers.put("partner", answer(partner, route));
            answers.put("editor", answer(editor, route));
            answers.put("editor with DATA", answer(dataEditor, route));
            answers.put("admin", answer(admin, route));
            actual.put(route.toString(), answers.toString());
            expected.put(route.toString(), expectedAnswers(route, row).toString());
        }
        for (Route route : routes) {
            if (EXPECTED.get(route).access() != Access.SIGN_OUT) {
                continue;
            }
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("anonymous", answer(new StaffClient(port), route));
            StaffClient withToken = new StaffClient(port);
            withToken.get("/login");
            answers.put("anonymous with token", answer(withToken, route));
            StaffClient freshPartner = signIns.signedIn(fixtures.createPartner(organisation));
            freshPartner.get("/partner");
            answers.put("partner", answer(freshPartner, route));
            answers.put("editor", answer(signIns.signedIn(fixtures.create(StaffRole.EDITOR)), route));
            answers.put("admin", answer(signIns.signedIn(fixtures.create(StaffRole.ADMIN)), route));
            actual.put(route.toString(), answers.toString());
            String status = Integer.toString(EXPECTED.get(route).status());
            Map<String, String> allowed = new LinkedHashMap<>();
            allowed.put("anonymous", NO);
            allowed.put("anonymous with token", LOGIN);
            allowed.put("partner", status);
            allowed.put("editor", status);
            allowed.put("admin", status);
            expected.put(route.toString(), allowed.toString());
        }
        assertThat(actual).as("the answer of every route to every role").isEqualTo(expected);
    }

    private static Map<String, String> expectedAnswers(Route route, Expected row) {
        String allowed = Integer.toString(row.status());
        Map<String, String> answers = new LinkedHashMap<>();
        // without a token the CSRF filter refuses a POST before anything else
        answers.put("anonymous", route.method() == RequestMethod.POST ? NO : LOGIN);
        if (route.method() == RequestMethod.POST) {
            answers.put("anonymous with token", LOGIN);
        }
        answers.put("partner", row.access() == Access.PARTNER ? allowed : NO);
        answers.put("editor", row.access() == Access.STAFF ? allowed : NO);
        answers.put("editor with DATA", row.access() == Access.STAFF || row.access() == Access.DATA ? allowed : NO);
        answers.put("admin", row.access() == Access.PARTNER ? NO : allowed);
        return answers;
    }

    /** The status, with where a redirect to the sign-in form leads. */
    private static String answer(StaffClient client, Route route) {
        HttpResponse<String> response =
                route.method() == RequestMethod.POST ? client.post(route.path(), Map.of()) : client.get(route.path());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() == 302 && location.endsWith("/login")) {
            return LOGIN;
        }
        return Integer.toString(response.statusCode());
    }
}

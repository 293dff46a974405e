package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keephope.privacy.PersonalData;
import org.keephope.support.AbstractIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every route under /admin that the application maps — found at run time, so a new screen is
 * covered the day it is added — as an anonymous visitor, an EDITOR and an ADMIN signed in for real.
 */
class RoleMatrixIT extends AbstractIntegrationTest {

    record Route(RequestMethod method, String path) {}

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

    List<Route> adminRoutes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/admin") || pattern.startsWith("/admin/signout")) {
                    continue; // signing out is tested on its own
                }
                String path = pattern.replace("{slug}", "keep-hope-alive")
                        .replace("{language}", "ru")
                        .replace("{decision}", "approve")
                        .replace("{organisation}", "no-such-organisation")
                        .replaceAll("\\{[^}]+}", "999999");
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method, path));
                }
            }
        });
        return routes;
    }

    StaffClient signIn(StaffFixtures fixtures, StaffFixtures.Member member) {
        return new StaffSignIns(port, fixtures).signedIn(member);
    }

    static boolean adminOnly(String path) {
        return path.startsWith("/admin/users") || path.startsWith("/admin/audit") || path.startsWith("/admin/api-keys");
    }

    /** Supporters' personal data: ADMIN, or an EDITOR with the DATA permission. */
    static boolean supporterData(String path) {
        return path.startsWith("/admin/signatures") || path.matches("/admin/campaigns/[^/]+/signatures\\.csv");
    }

    @Test
    void everyAdminRouteAnswersAsTheRoleAndThePermissionAllow() {
        StaffFixtures fixtures = new StaffFixtures(staff, passwords, personalData, jdbc, clock);
        StaffClient admin = signIn(fixtures, fixtures.create(StaffRole.ADMIN));
        StaffClient editor = signIn(fixtures, fixtures.create(StaffRole.EDITOR));
        var dataMember = fixtures.create(StaffRole.EDITOR);
        fixtures.grantDataAccess(dataMember);
        StaffClient dataEditor = signIn(fixtures, dataMember);
        StaffClient anonymous = new StaffClient(port);
        long organisation =
                jdbc.sql("select min(id) from organisation").query(Long.class).single();
        StaffClient partner = signIn(fixtures, fixtures.createPartner(organisation));
        List<Route> routes = adminRoutes();
        assertThat(routes)
                .extracting(Route::path)
                .contains(
                        "/admin",
                        "/admin/users",
                        "/admin/audit",
                        "/admin/api-keys",
                        "/admin/campaigns",
                        "/admin/moderation",
                        "/admin/signatures",
                        "/admin/campaigns/keep-hope-alive/signatures.csv");
        assertThat(routes)
                .as("the search is a POST, so no address travels in a URL")
                .contains(new Route(RequestMethod.POST, "/admin/signatures"));

        for (Route route : routes) {
            String what = route.method() + " " + route.path();
            var anon = call(anonymous, route);
            if (route.method() == RequestMethod.GET) {
                assertThat(anon.statusCode()).as("anonymous " + what).isEqualTo(302);
                assertThat(anon.headers().firstValue("Location"))
                        .as("anonymous " + what)
                        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            } else {
                assertThat(anon.statusCode())
                        .as("anonymous " + what + " (no CSRF token)")
                        .isEqualTo(403);
            }

            assertThat(call(partner, route).statusCode())
                    .as("a PARTNER account sees no staff screen: " + what)
                    .isEqualTo(403);
            int allowed = call(admin, route).statusCode();
            assertThat(allowed).as("admin " + what).isNotIn(302, 401, 403).isLessThan(500);
            int asEditor = call(editor, route).statusCode();
            int asDataEditor = call(dataEditor, route).statusCode();
            if (adminOnly(route.path())) {
                assertThat(asEditor).as("editor " + what).isEqualTo(403);
                assertThat(asDataEditor).as("editor with DATA " + what).isEqualTo(403);
            } else if (supporterData(route.path())) {
                assertThat(asEditor).as("editor without DATA " + what).isEqualTo(403);
                assertThat(asDataEditor).as("editor with DATA " + what).isEqualTo(allowed);
            } else {
                assertThat(asEditor).as("editor " + what).isEqualTo(allowed);
                assertThat(asDataEditor).as("editor with DATA " + what).isEqualTo(allowed);
            }
        }
    }

    private static java.net.http.HttpResponse<String> call(StaffClient client, Route route) {
        return route.method() == RequestMethod.POST ? client.post(route.path(), Map.of()) : client.get(route.path());
    }
}

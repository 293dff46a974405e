package org.keephope.partner;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keephope.account.SignedInStaff;
import org.keephope.coalition.Organisations;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * PARTNER accounts (issue 11 item 4): each sees and exports its own organisation's supporters alone, by
 * every route; staff routes refuse it; staff routes of /partner refuse staff.
 */
class PartnerAccessIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";

    @Autowired
    ApplicationContext context;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.keephope.apikey.ApiKeys keys;

    @Autowired
    Webhooks webhooks;

    @org.junit.jupiter.api.BeforeEach
    void partnersAsTheDemoSetsThemUp() {
        DemoPartners.asTheDemoSetsThemUp(context);
    }

    long org(String slug) {
        return organisations.bySlug(slug).orElseThrow().id();
    }

    HttpResponse<String> as(SignedInStaff.Session session, String path) {
        return get(path, "Cookie", session.cookie());
    }

    HttpResponse<String> postAs(SignedInStaff.Session session, String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", session.csrf());
        return post(path, withToken, "Cookie", session.cookie(), "Origin", "http://localhost:" + port);
    }

    /** Signs the demo campaign, ticking the boxes of these partners, and confirms. */
    Signer signAndConfirm(String firstName, String src, String... partners) {
        String page = get(PAGE + (src == null ? "" : "?src=" + src)).body();
        Signer signer = new Signer(firstName, "SE");
        Matcher shown =
                Pattern.compile("name=\"consentShown\" value=\"([0-9 ]*)\"").matcher(page);
        assertThat(shown.find()).isTrue();
        signer.with("consentShown", shown.group(1));
        if (src != null) {
            signer.with("src", src);
        }
        for (String partner : partners) {
            String name = organisations.bySlug(partner).orElseThrow().name();
            Matcher box = Pattern.compile(
                            "id=\"consent_(\\d+)\" name=\"consent_\\d+\" value=\"on\">\\s*<label for=\"consent_\\d+\">"
                                    + Pattern.quote(name))
                    .matcher(page);
            assertThat(box.find()).as(partner).isTrue();
            signer.with("consent_" + box.group(1), "on");
        }
        assertThat(post(PAGE + "/sign", signer.formFrom(page)).statusCode()).isEqualTo(303);
        MimeMessage mail = signer.awaitMail();
        post(Signer.link(mail, "/confirm/"), Map.of());
        return signer;
    }

    @Test
    void aPartnerSeesAndExportsItsOwnSupportersAloneAndNoStaffScreen() {
        Signer gil = signAndConfirm("Gil", "front-line-defenders", "front-line-defenders", "civil-rights-defenders");
        Signer hal = signAndConfirm("Hal", null, "civil-rights-defenders");

        var fld = SignedInStaff.partner(context, port, org("front-line-defenders"));
        var crd = SignedInStaff.partner(context, port, org("civil-rights-defenders"));

        var home = as(fld, "/partner");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Front Line Defenders").contains("data-campaign=\"keep-hope-alive\"");
        assertThat(home.body()).contains("<td>SE</td>");

        String fldCsv = as(fld, PAGE.replace("/campaigns", "/partner/campaigns") + "/supporters.csv")
                .body();
        assertThat(fldCsv)
                .startsWith("signature_id,campaign,organisation_id")
                .contains(gil.email)
                .doesNotContain(hal.email);
        String crdCsv =
                as(crd, "/partner/campaigns/keep-hope-alive/supporters.csv").body();
        assertThat(crdCsv).contains(gil.email).contains(hal.email);
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = ? and action = 'partner.export'")
                        .param(fld.email())
                        .query(Long.class)
                        .single())
                .as("the export is audited")
                .isEqualTo(1);

        // a campaign the partner is not a partner of is not found, as one that does not exist
        String other = org.keephope.signature.TestCampaignsAccess.live(context);
        assertThat(as(fld, "/partner/campaigns/" + other + "/supporters.csv").statusCode())
                .isEqualTo(404);
        assertThat(as(fld, "/partner/campaigns/no-such-campaign/supporters.csv").statusCode())
                .isEqualTo(404);

        // no staff screen, whatever the route
        for (String staffRoute : List.of(
                "/admin",
                "/admin/campaigns",
                "/admin/users",
                "/admin/signatures",
                "/admin/campaigns/keep-hope-alive/signatures.csv",
                "/admin/campaigns/keep-hope-alive/partners")) {
            assertThat(as(fld, staffRoute).statusCode()).as(staffRoute).isEqualTo(403);
        }
        // and staff and strangers do not get the partner's screens
        var admin = SignedInStaff.admin(context, port);
        for (String partnerRoute : List.of("/partner", "/partner/campaigns/keep-hope-alive/supporters.csv")) {
            assertThat(as(admin, partnerRoute).statusCode())
                    .as("admin " + partnerRoute)
                    .isEqualTo(403);
            assertThat(get(partnerRoute).statusCode())
                    .as("anonymous " + partnerRoute)
                    .isEqualTo(302);
        }
        assertThat(postAs(admin, "/partner/key", Map.of("publicKeyset", "{}")).statusCode())
                .isEqualTo(403);

        // staff see, per partner, the snippet to paste
        assertThat(as(admin, "/admin/campaigns/keep-hope-alive/partners").body())
                .contains("data-snippet=\"front-line-defenders\"")
                .contains("/embed/campaigns/keep-hope-alive?src=front-line-defenders&amp;lang=en")
                .contains("/embed/resize.js");
    }

    /** The CSRF token is masked afresh on every page; the language links repeat the address's query. */
    static String withoutToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("href=\"(/partner[^\"?]*)\\?[^\"]*lang=", "href=\"$1?lang=");
    }

    /** Every route under /partner the application maps, found at run time as RoleMatrixIT finds /admin's. */
    List<String[]> partnerRoutes() {
        List<String[]> routes = new java.util.ArrayList<>();
        context.getBean(
                        "requestMappingHandlerMapping",
                        org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .keySet()
                .forEach(info -> {
                    for (String pattern : info.getPatternValues()) {
                        if (!pattern.equals("/partner") && !pattern.startsWith("/partner/")) {
                            continue;
                        }
                        String path = pattern.replace("{slug}", "keep-hope-alive");
                        var methods = info.getMethodsCondition().getMethods();
                        for (var method : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
                            routes.add(new String[] {method.name(), path});
                        }
                    }
                });
        return routes;
    }

    @Test
    void everyPartnerRouteShowsAPartnerItsOwnAloneWhateverOrganisationTheRequestNames() {
        Signer ivy = signAndConfirm("Ivy", "ilga-europe", "ilga-europe");
        Signer joe = signAndConfirm("Joe", "freedom-house", "freedom-house");
        long ilga = org("ilga-europe");
        long freedom = org("freedom-house");
        var a = SignedInStaff.partner(context, port, ilga);
        var b = SignedInStaff.partner(context, port, freedom);
        var admin = SignedInStaff.admin(context, port);
        var editor = SignedInStaff.signedInEditor(context, port);
        String bKeyBefore = jdbc.sql("select count(*) from partner_key where organisation_id = ?")
                .param(freedom)
                .query(Long.class)
                .single()
                .toString();

        // B's own API key: A naming its id on the revoke route changes nothing
        long bApiKey = keys.create(
                        "Freedom House sync",
                        java.util.Set.of(org.keephope.apikey.ApiScope.READ_SIGNATURES),
                        null,
                        freedom,
                        "test")
                .key()
                .id();

        // B's own webhook endpoint: A naming its id on any webhook route sees and changes nothing
        long bHook = webhooks.create("test", freedom, "http://localhost:9/freedom-house-crm", Webhooks.EVENTS)
                .getKey();
        int aHooksBefore = webhooks.endpoints(ilga).size();

        List<String[]> routes = partnerRoutes();
        assertThat(routes.stream().map(r -> r[0] + " " + r[1]))
                .contains(
                        "GET /partner",
                        "GET /partner/campaigns/keep-hope-alive/supporters.csv",
                        "POST /partner/key",
                        "GET /partner/webhooks",
                        "POST /partner/webhooks/{id}/rotate",
                        "POST /partner/webhooks/{id}/deliveries/{delivery}/replay");
        for (String[] r : routes) {
            String id = Long.toString(r[1].startsWith("/partner/webhooks/") ? bHook : bApiKey);
            String[] route = {r[0], r[1].replace("{id}", id).replace("{delivery}", "999999")};
            String what = route[0] + " " + route[1];
            boolean post = route[0].equals("POST");
            // the organisation comes from the account: naming another one in the request changes nothing
            String naming = "?organisation=" + freedom + "&organisationId=" + freedom + "&org=freedom-house";
            Map<String, String> form = new LinkedHashMap<>(
                    Map.of("organisation", Long.toString(freedom), "organisationId", Long.toString(freedom)));
            form.put("publicKeyset", "not a keyset");

            var asA = post ? postAs(a, route[1] + naming, form) : as(a, route[1] + naming);
            assertThat(asA.statusCode())
                    .as("partner " + what)
                    .isNotIn(302, 401, 403)
                    .isLessThan(500);
            assertThat(asA.body())
                    .as("partner A, " + what)
                    .doesNotContain(joe.email)
                    .doesNotContain("Freedom House");
            if (!post) {
                assertThat(withoutToken(asA.body()))
                        .as(what)
                        .isEqualTo(withoutToken(as(a, route[1]).body()));
                var asB = as(b, route[1] + naming.replace(Long.toString(freedom), Long.toString(ilga)));
                assertThat(asB.body()).as("partner B, " + what).doesNotContain(ivy.email);
            }
            for (var staff : List.of(admin, editor)) {
                var refused = post ? postAs(staff, route[1], form) : as(staff, route[1]);
                assertThat(refused.statusCode()).as("staff " + what).isEqualTo(403);
            }
            var anonymous = post ? post(route[1], form) : get(route[1]);
            assertThat(anonymous.statusCode()).as("anonymous " + what).isEqualTo(post ? 403 : 302);
        }
        assertThat(as(a, "/partner/campaigns/keep-hope-alive/supporters.csv").body())
                .contains(ivy.email);
        assertThat(jdbc.sql("select count(*) from partner_key where organisation_id = ?")
                        .param(freedom)
                        .query(Long.class)
                        .single()
                        .toString())
                .as("B's key untouched by A's posts")
                .isEqualTo(bKeyBefore);
        assertThat(keys.byId(bApiKey).orElseThrow().revokedAt())
                .as("B's API key not revoked by A")
                .isNull();
        var bEndpoint = webhooks.endpoint(freedom, bHook).orElseThrow();
        assertThat(bEndpoint.enabled()).as("B's webhook not disabled by A").isTrue();
        assertThat(bEndpoint.previousSecret())
                .as("B's webhook secret not rotated by A")
                .isNull();
        assertThat(webhooks.endpoints(ilga))
                .as("A's form posts made no endpoint")
                .hasSize(aHooksBefore);
        webhooks.setEnabled("test", freedom, bHook, false); // nothing listens there: later tests queue nothing to it
    }

    @Test
    void staffInvitePartnerAccountsBoundToAnOrganisation() {
        var admin = SignedInStaff.admin(context, port);
        String email = "invited-partner-" + System.nanoTime() + "@example.org";
        var missing = postAs(admin, "/admin/users/invite", Map.of("email", email, "role", "PARTNER"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("organisation-error");
        var invited = postAs(
                admin,
                "/admin/users/invite",
                Map.of("email", email, "role", "PARTNER", "organisation", "freedom-house"));
        assertThat(invited.statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("select organisation_id from staff_user where email = ? and role = 'PARTNER'")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(org("freedom-house"));

        // a partner account's role and the DATA permission do not change: no form offers it, a post is refused
        long id = jdbc.sql("select id from staff_user where email = ?")
                .param(email)
                .query(Long.class)
                .single();
        assertThat(as(admin, "/admin/users").body())
                .doesNotContain("action=\"/admin/users/" + id + "/role\"")
                .doesNotContain("action=\"/admin/users/" + id + "/data-access\"")
                .contains("action=\"/admin/users/" + id + "/disable\"");
        assertThat(postAs(admin, "/admin/users/" + id + "/role", Map.of("role", "EDITOR"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(postAs(admin, "/admin/users/" + id + "/data-access", Map.of("grant", "true"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(jdbc.sql("select role from staff_user where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("PARTNER");
    }
}

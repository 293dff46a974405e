package org.keephope.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keephope.account.SignedInStaff;
import org.keephope.apikey.ApiKeys;
import org.keephope.coalition.Organisations;
import org.keephope.support.AbstractIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 12 item 1, partner part: a partner makes and revokes its own keys at /partner/api-keys, and no other's. */
class PartnerApiKeyIT extends AbstractIntegrationTest {

    static final Pattern TOKEN = Pattern.compile("khk_[A-Za-z0-9_-]{43}");

    @Autowired
    ApplicationContext context;

    @Autowired
    Organisations organisations;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void partnersAsTheDemoSetsThemUp() {
        DemoPartners.asTheDemoSetsThemUp(context);
    }

    long org(String slug) {
        return organisations.bySlug(slug).orElseThrow().id();
    }

    HttpResponse<String> postAs(SignedInStaff.Session session, String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", session.csrf());
        return post(path, withToken, "Cookie", session.cookie(), "Origin", "http://localhost:" + port);
    }

    static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    @Test
    void aPartnerMakesItsOwnReadKeyShownOnceAndRevokesItButNoOtherOrganisations() {
        long fldId = org("front-line-defenders");
        long crdId = org("civil-rights-defenders");
        var fld = SignedInStaff.partner(context, port, fldId);
        var crd = SignedInStaff.partner(context, port, crdId);

        var page = get("/partner/api-keys", "Cookie", fld.cookie());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("read:signatures").contains("write:signatures");

        var made = postAs(
                fld,
                "/partner/api-keys",
                Map.of("name", "FLD CRM sync", "scopes", "read:signatures", "expiresOn", inDays(30)));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
        Matcher token = TOKEN.matcher(made.body());
        assertThat(token.find()).isTrue();
        var key = keys.recognise(token.group()).orElseThrow();
        assertThat(key.organisationId()).isEqualTo(fldId);
        assertThat(key.scopes()).extracting(s -> s.scopeName()).containsExactly("read:signatures");

        // shown once: the list has the prefix, never the key
        var listed = get("/partner/api-keys", "Cookie", fld.cookie()).body();
        assertThat(listed).contains("FLD CRM sync").contains(key.prefix()).doesNotContain(token.group());
        // not on another partner's list, nor on the staff list
        assertThat(get("/partner/api-keys", "Cookie", crd.cookie()).body())
                .doesNotContain("FLD CRM sync")
                .doesNotContain(key.prefix());
        assertThat(keys.staffKeys()).noneMatch(k -> k.id() == key.id());

        // a write key (its signatures are attributed to it and still mailed: see ApiV1IT) is bound to it as well
        var write = postAs(
                fld,
                "/partner/api-keys",
                Map.of("name", "FLD pusher", "scopes", "write:signatures", "expiresOn", inDays(30)));
        assertThat(write.statusCode()).isEqualTo(200);
        Matcher writeToken = TOKEN.matcher(write.body());
        assertThat(writeToken.find()).isTrue();
        var writeKey = keys.recognise(writeToken.group()).orElseThrow();
        assertThat(writeKey.organisationId()).isEqualTo(fldId);
        assertThat(writeKey.scopes()).extracting(s -> s.scopeName()).containsExactly("write:signatures");
        // a scope we do not know still is not
        var unknown = postAs(
                fld,
                "/partner/api-keys",
                Map.of("name", "FLD admin", "scopes", "admin:everything", "expiresOn", inDays(30)));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(TOKEN.matcher(unknown.body()).find()).isFalse();

        // another organisation cannot revoke it
        assertThat(postAs(crd, "/partner/api-keys/" + key.id() + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(keys.byId(key.id()).orElseThrow().revokedAt()).isNull();
        // its own organisation can
        assertThat(postAs(fld, "/partner/api-keys/" + key.id() + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(keys.byId(key.id()).orElseThrow().revokedAt()).isNotNull();
        assertThat(keys.recognise(token.group())).isEmpty();

        assertThat(jdbc.sql("select count(*) from audit_entry where action in ('api-key.create', 'api-key.revoke')"
                                + " and object_type = 'api-key' and object_id = ?")
                        .param(String.valueOf(key.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);

        // staff screens and anonymous visitors do not get the partner's screen
        assertThat(get("/admin/api-keys", "Cookie", fld.cookie()).statusCode()).isIn(302, 303, 403);
        assertThat(get("/partner/api-keys").statusCode()).isIn(302, 303, 401);
    }
}

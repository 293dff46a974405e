package org.keephope.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keephope.audit.AuditLog;
import org.keephope.signature.StoredText;
import org.keephope.support.AbstractStaffTest;
import org.keephope.support.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 12 item 1: a key's life (made, shown once, hashed at rest, used, revoked, expired), scopes, limits. */
class ApiKeysIT extends AbstractStaffTest {

    static final RequestPostProcessor ADMIN = user("keys-admin@keephope.test").roles("ADMIN");
    static final Pattern TOKEN = Pattern.compile("khk_[A-Za-z0-9_-]{43}");

    @Autowired
    ApiKeys keys;

    @Autowired
    ApiGuard guard;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(ADMIN).with(csrf())).andReturn().getResponse();
    }

    MockHttpServletRequestBuilder form(String name, String expiresOn, String... scopes) {
        var request = MockMvcRequestBuilders.post("/admin/api-keys").param("name", name);
        if (expiresOn != null) {
            request.param("expiresOn", expiresOn);
        }
        for (String scope : scopes) {
            request.param("scopes", scope);
        }
        return request;
    }

    static MockHttpServletRequest bearer(String token) {
        var request = new MockHttpServletRequest("GET", "/api/v1/campaigns/keep-hope-alive/signatures");
        request.addHeader("Authorization", "Bearer " + token);
        return request;
    }

    String today(int plusDays) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusDays(plusDays)
                .toString();
    }

    @Test
    void anAdminMakesAKeyThatIsShownOnceAndKeptOnlyAsItsHash() throws Exception {
        String name = "CRM sync " + UUID.randomUUID();
        var created = send(form(name, today(30), "read:signatures", "read:counts"));
        assertThat(created.getStatus()).isEqualTo(200);
        assertThat(created.getHeader("Cache-Control")).isEqualTo("no-store");
        Matcher shown = TOKEN.matcher(created.getContentAsString());
        assertThat(shown.find()).as("the key is on the page that made it").isTrue();
        String token = shown.group();

        ApiKey key = keys.recognise(token).orElseThrow();
        assertThat(key.name()).isEqualTo(name);
        assertThat(key.scopes()).containsExactlyInAnyOrder(ApiScope.READ_SIGNATURES, ApiScope.READ_COUNTS);
        assertThat(key.organisationId()).as("a staff key").isNull();
        assertThat(key.expiresAt())
                .isEqualTo(
                        LocalDate.parse(today(31)).atStartOfDay(ZoneOffset.UTC).toInstant());

        byte[] stored = jdbc.sql("select token_hash from api_key where id = ?")
                .param(key.id())
                .query(byte[].class)
                .single();
        assertThat(stored).isEqualTo(Sha256.of(token));
        StoredText dump = new StoredText(jdbc);
        assertThat(dump.contains(token))
                .as("the key in clear in any column of any table")
                .isFalse();
        assertThat(dump.contains(token.substring(4)))
                .as("the key's random part anywhere")
                .isFalse();
        assertThat(dump.contains(HexFormat.of().formatHex(Sha256.of(token))))
                .as("no hex copy of the hash either")
                .isFalse();

        String list = send(MockMvcRequestBuilders.get("/admin/api-keys")).getContentAsString();
        assertThat(list).contains(name).contains(key.prefix()).doesNotContain(token);
        assertThat(audit.newest(0, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("api-key.create");
            assertThat(e.actor()).isEqualTo("keys-admin@keephope.test");
            assertThat(e.objectId()).isEqualTo(Long.toString(key.id()));
            assertThat(e.detail()).contains("read:counts read:signatures").doesNotContain(token);
        });
    }

    @Test
    void aKeyIsRecognisedFromEitherHeaderAndItsLastUseIsKeptToTheMinute() {
        var created = keys.create("both headers", Set.of(ApiScope.READ_SIGNATURES), null, null, "test");
        assertThat(guard.require(bearer(created.token()), ApiScope.READ_SIGNATURES)
                        .id())
                .isEqualTo(created.key().id());
        var osdi = new MockHttpServletRequest("GET", "/api/v1/campaigns");
        osdi.addHeader("OSDI-API-Token", created.token());
        assertThat(guard.require(osdi, ApiScope.READ_SIGNATURES).id())
                .isEqualTo(created.key().id());
        var lowercase = new MockHttpServletRequest("GET", "/api/v1/campaigns");
        lowercase.addHeader("Authorization", "bearer " + created.token());
        assertThat(guard.require(lowercase, ApiScope.READ_SIGNATURES).id())
                .isEqualTo(created.key().id());

        var lastUse = keys.byId(created.key().id()).orElseThrow().lastUsedAt();
        assertThat(lastUse).isNotNull().isEqualTo(lastUse.truncatedTo(ChronoUnit.MINUTES));
        assertThat(Duration.between(lastUse, clock.instant())).isLessThan(Duration.ofMinutes(2));
    }

    @Test
    void noKeyABadKeyARevokedKeyAndAnExpiredKeyAreRefusedWith401() throws Exception {
        var plain = new MockHttpServletRequest("GET", "/api/v1/campaigns/x/signatures");
        assertThatThrownBy(() -> guard.require(plain, ApiScope.READ_SIGNATURES))
                .isInstanceOfSatisfying(
                        ApiRefused.class, e -> assertThat(e.status()).isEqualTo(401));
        var basic = new MockHttpServletRequest("GET", "/api/v1/campaigns/x/signatures");
        basic.addHeader("Authorization", "Basic dXNlcjpwYXNz");
        assertThatThrownBy(() -> guard.require(basic, ApiScope.READ_SIGNATURES))
                .isInstanceOfSatisfying(
                        ApiRefused.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> guard.require(bearer("khk_" + "A".repeat(43)), ApiScope.READ_SIGNATURES))
                .isInstanceOfSatisfying(
                        ApiRefused.class, e -> assertThat(e.status()).isEqualTo(401));

        var created = keys.create("to revoke", Set.of(ApiScope.READ_SIGNATURES), null, null, "test");
        assertThat(guard.require(bearer(created.token()), ApiScope.READ_SIGNATURES))
                .isNotNull();
        var revoked = send(
                MockMvcRequestBuilders.post("/admin/api-keys/" + created.key().id() + "/revoke"));
        assertThat(revoked.getStatus()).isEqualTo(303);
        assertThat(keys.byId(created.key().id()).orElseThrow().revokedAt()).isNotNull();
        assertThatThrownBy(() -> guard.require(bearer(created.token()), ApiScope.READ_SIGNATURES))
                .isInstanceOfSatisfying(
                        ApiRefused.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(audit.newest(0, 50))
                .anySatisfy(e -> assertThat(e.action() + " " + e.objectId())
                        .isEqualTo("api-key.revoke " + created.key().id()));
        assertThat(send(MockMvcRequestBuilders.get("/admin/api-keys")).getContentAsString())
                .contains("revoked");

        var expired = keys.create(
                "expired", Set.of(ApiScope.READ_SIGNATURES), clock.instant().minusSeconds(1), null, "test");
        assertThatThrownBy(() -> guard.require(bearer(expired.token()), ApiScope.READ_SIGNATURES))
                .isInstanceOfSatisfying(
                        ApiRefused.class, e -> assertThat(e.status()).isEqualTo(401));
        var stillValid = keys.create(
                "valid a while",
                Set.of(ApiScope.READ_SIGNATURES),
                clock.instant().plusSeconds(600),
                null,
                "test");
        assertThat(guard.require(bearer(stillValid.token()), ApiScope.READ_SIGNATURES))
                .isNotNull();
    }

    @Test
    void aScopeTheKeyDoesNotHoldIs403AndAPublicReadWithoutAKeyNeedsNone() {
        var reader = keys.create("reader", Set.of(ApiScope.READ_SIGNATURES), null, null, "test");
        for (ApiScope scope : EnumSet.complementOf(EnumSet.of(ApiScope.READ_SIGNATURES))) {
            assertThatThrownBy(() -> guard.require(bearer(reader.token()), scope))
                    .as(scope.scopeName())
                    .isInstanceOfSatisfying(
                            ApiRefused.class, e -> assertThat(e.status()).isEqualTo(403));
        }
        var plain = new MockHttpServletRequest("GET", "/api/v1/campaigns");
        assertThat(guard.optional(plain, ApiScope.READ_CAMPAIGNS)).isEmpty();
        assertThatThrownBy(() -> guard.optional(bearer("khk_nonsense"), ApiScope.READ_CAMPAIGNS))
                .as("a key sent to a public read is checked all the same")
                .isInstanceOfSatisfying(
                        ApiRefused.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void aKeyOverItsRequestsPerMinuteIsRefusedWith429AndHowLongToWait() {
        var busy = keys.create("busy", Set.of(ApiScope.READ_SIGNATURES), null, null, "test");
        var other = keys.create("other", Set.of(ApiScope.READ_SIGNATURES), null, null, "test");
        for (int i = 0; i < 120; i++) {
            guard.require(bearer(busy.token()), ApiScope.READ_SIGNATURES);
        }
        assertThatThrownBy(() -> guard.require(bearer(busy.token()), ApiScope.READ_SIGNATURES))
                .isInstanceOfSatisfying(ApiRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 60L);
                });
        assertThat(guard.require(bearer(other.token()), ApiScope.READ_SIGNATURES))
                .as("another key has its own budget")
                .isNotNull();
    }

    @Test
    void aFormWithoutNameScopesOrAValidExpiryComesBackWithTheErrorsBesideTheFields() throws Exception {
        int before =
                jdbc.sql("select count(*) from api_key").query(Integer.class).single();
        var response = send(form("", today(0), "read:everything"));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("id=\"name-error\"")
                .contains("id=\"scopes-error\"")
                .contains("id=\"expiresOn-error\"");
        var tooLong = send(form("far future", today(10_000), "read:counts"));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.getContentAsString())
                .contains("id=\"expiresOn-error\"")
                .contains("value=\"far future\"");
        var notADate = send(form("no date", "tomorrow", "read:counts"));
        assertThat(notADate.getStatus()).isEqualTo(422);
        assertThat(notADate.getContentAsString()).contains("id=\"expiresOn-error\"");
        assertThat(send(form("no scopes", today(5))).getStatus()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from api_key").query(Integer.class).single())
                .isEqualTo(before);
    }
}

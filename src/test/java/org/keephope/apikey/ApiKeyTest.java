package org.keephope.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiKeyTest {

    static ApiKey key(Instant expiresAt, Instant revokedAt) {
        return new ApiKey(
                1,
                "k",
                "khk_abcdef",
                Set.of(ApiScope.READ_COUNTS),
                null,
                "a",
                Instant.EPOCH,
                expiresAt,
                null,
                revokedAt,
                false);
    }

    @Test
    void aKeyStopsWorkingAtTheInstantItExpiresOrWhenRevoked() {
        Instant end = Instant.parse("2027-01-01T00:00:00Z");
        assertThat(key(end, null).usable(end.minusMillis(1))).isTrue();
        assertThat(key(end, null).usable(end)).isFalse();
        assertThat(key(null, null).usable(end)).isTrue();
        assertThat(key(null, end).usable(end.minusSeconds(60))).isFalse();
    }

    @Test
    void theKeyIsTakenFromBearerOrTheOsdiHeaderAndOtherSchemesAreNoKey() {
        var bearer = new MockHttpServletRequest();
        bearer.addHeader("Authorization", "Bearer  khk_x ");
        assertThat(ApiGuard.token(bearer)).contains("khk_x");
        var osdi = new MockHttpServletRequest();
        osdi.addHeader("OSDI-API-Token", "khk_y");
        assertThat(ApiGuard.token(osdi)).contains("khk_y");
        var basic = new MockHttpServletRequest();
        basic.addHeader("Authorization", "Basic abc");
        assertThat(ApiGuard.token(basic)).isEmpty();
        assertThat(ApiGuard.token(new MockHttpServletRequest())).isEmpty();
    }

    @Test
    void scopesAreKnownByTheirDocumentedNames() {
        assertThat(ApiScope.byName("write:signatures")).contains(ApiScope.WRITE_SIGNATURES);
        assertThat(ApiScope.byName("WRITE_SIGNATURES")).isEmpty();
        assertThat(ApiScope.READ_SIGNATURES.personalData()).isTrue();
        assertThat(ApiScope.READ_COUNTS.personalData()).isFalse();
    }
}

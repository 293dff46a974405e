package org.keephope.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    private static final String COLUMNS = "id, name, token_prefix, scopes, organisation_id, created_by, created_at,"
            + " expires_at, last_used_at, revoked_at, imports_confirmed";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String name,
            byte[] tokenHash,
            String prefix,
            Set<ApiScope> scopes,
            Long organisationId,
            String createdBy,
            Instant createdAt,
            Instant expiresAt,
            boolean importsConfirmed) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into api_key (name, token_hash, token_prefix, scopes, organisation_id, created_by,"
                        + " created_at, expires_at, imports_confirmed) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        name,
                        tokenHash,
                        prefix,
                        scopes.stream().map(ApiScope::scopeName).sorted().collect(Collectors.joining(" ")),
                        organisationId,
                        createdBy,
                        Rows.param(createdAt),
                        expiresAt == null ? null : Rows.param(expiresAt),
                        importsConfirmed)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<ApiKey> byHash(byte[] tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from api_key where token_hash = ?")
                .param(tokenHash)
                .query(ApiKeyRepository::key)
                .optional();
    }

    Optional<ApiKey> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from api_key where id = ?")
                .param(id)
                .query(ApiKeyRepository::key)
                .optional();
    }

    /** Staff keys (no organisation), newest first. */
    List<ApiKey> staffKeys() {
        return jdbc.sql("select " + COLUMNS
                        + " from api_key where organisation_id is null order by created_at desc, id desc")
                .query(ApiKeyRepository::key)
                .list();
    }

    /** One organisation's keys, newest first. */
    List<ApiKey> organisationKeys(long organisationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from api_key where organisation_id = ? order by created_at desc, id desc")
                .param(organisationId)
                .query(ApiKeyRepository::key)
                .list();
    }

    boolean revoke(long id, Instant at, String by) {
        return jdbc.sql("update api_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                        .params(Rows.param(at), by, id)
                        .update()
                == 1;
    }

    /** Moves the last use forward only: two nodes recording the same minute write once between them. */
    void used(long id, Instant minute) {
        jdbc.sql("update api_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Rows.param(minute), id, Rows.param(minute))
                .update();
    }

    private static ApiKey key(ResultSet rs, int n) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(rs.getString("scopes").split(" "))
                .map(ApiScope::byName)
                .flatMap(Optional::stream)
                .forEach(scopes::add);
        long organisation = rs.getLong("organisation_id");
        Long organisationId = rs.wasNull() ? null : organisation;
        return new ApiKey(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("token_prefix"),
                Set.copyOf(scopes),
                organisationId,
                rs.getString("created_by"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "expires_at"),
                Rows.instant(rs, "last_used_at"),
                Rows.instant(rs, "revoked_at"),
                rs.getBoolean("imports_confirmed"));
    }
}

package org.keephope.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.keephope.support.Rows;
import org.keephope.support.Sha256;
import org.keephope.support.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time links (first admin, invitation, password reset), stored as SHA-256 of a 256-bit token. */
@Repository
class SetupTokens {

    enum Purpose {
        FIRST_ADMIN,
        INVITE,
        RESET
    }

    /** A valid, unused link: what it is for, and for whom (null for the first admin). */
    record Link(long id, Purpose purpose, Long userId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SetupTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes a link; earlier unused links of the same purpose and user stop working. Returns the token. */
    String issue(Purpose purpose, Long userId, Duration validity) {
        Instant now = clock.instant();
        jdbc.sql("update setup_token set used_at = ? where purpose = ? and used_at is null and "
                        + (userId == null ? "user_id is null" : "user_id = " + userId))
                .params(Rows.param(now), purpose.name())
                .update();
        String token = Tokens.token();
        jdbc.sql(
                        "insert into setup_token (token_hash, purpose, user_id, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(Sha256.of(token), purpose.name(), userId, Rows.param(now), Rows.param(now.plus(validity)))
                .update();
        return token;
    }

    Optional<Link> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select id, purpose, user_id from setup_token where token_hash = ? and used_at is null "
                        + "and expires_at > ?")
                .params(Sha256.of(token), Rows.param(clock.instant()))
                .query((rs, n) -> {
                    long user = rs.getLong("user_id");
                    return new Link(
                            rs.getLong("id"), Purpose.valueOf(rs.getString("purpose")), rs.wasNull() ? null : user);
                })
                .optional();
    }

    /** Uses a link once; false if it was used meanwhile (two tabs, two clicks). */
    boolean use(Link link) {
        return jdbc.sql("update setup_token set used_at = ? where id = ? and used_at is null")
                        .params(Rows.param(clock.instant()), link.id())
                        .update()
                == 1;
    }

    void revokeAll(Purpose purpose) {
        jdbc.sql("update setup_token set used_at = ? where purpose = ? and used_at is null")
                .params(Rows.param(clock.instant()), purpose.name())
                .update();
    }

    /** Links of this purpose made for the user since then, used or not (for the per-account limit). */
    int issuedSince(Purpose purpose, long userId, Instant since) {
        return jdbc.sql("select count(*) from setup_token where purpose = ? and user_id = ? and created_at > ?")
                .params(purpose.name(), userId, Rows.param(since))
                .query(Integer.class)
                .single();
    }
}

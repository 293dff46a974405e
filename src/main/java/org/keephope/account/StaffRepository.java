package org.keephope.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code staff_user} and {@code recovery_code}. */
@Repository
class StaffRepository {

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from staff_user").query(Long.class).single();
    }

    Optional<StaffRow> byEmail(String email) {
        return jdbc.sql("select * from staff_user where email = ?")
                .param(email)
                .query(StaffRepository::row)
                .optional();
    }

    Optional<StaffRow> byId(long id) {
        return jdbc.sql("select * from staff_user where id = ?")
                .param(id)
                .query(StaffRepository::row)
                .optional();
    }

    List<StaffRow> all() {
        return jdbc.sql("select * from staff_user order by email")
                .query(StaffRepository::row)
                .list();
    }

    long insert(String email, String displayName, String passwordHash, StaffRole role, Instant now) {
        return insert(email, displayName, passwordHash, role, null, now);
    }

    /** {@code organisationId}: a PARTNER account's organisation (required for one, refused for staff). */
    long insert(
            String email, String displayName, String passwordHash, StaffRole role, Long organisationId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into staff_user (email, display_name, password_hash, role, enabled, totp_confirmed, "
                        + "failed_attempts, created_at, version, organisation_id)"
                        + " values (?, ?, ?, ?, true, false, 0, ?, 0, ?)")
                .params(email, displayName, passwordHash, role.name(), Rows.param(now), organisationId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    // Every change below that must end half-finished sign-ins and a device's trust moves security_stamp on.

    void setNameAndPassword(long id, String displayName, String passwordHash) {
        jdbc.sql("update staff_user set display_name = ?, password_hash = ?, version = version + 1, "
                        + "security_stamp = security_stamp + 1 where id = ?")
                .params(displayName, passwordHash, id)
                .update();
    }

    void setPassword(long id, String passwordHash) {
        jdbc.sql("update staff_user set password_hash = ?, version = version + 1, security_stamp = security_stamp + 1 "
                        + "where id = ?")
                .params(passwordHash, id)
                .update();
    }

    void setRole(long id, StaffRole role) {
        jdbc.sql("update staff_user set role = ?, version = version + 1, security_stamp = security_stamp + 1 "
                        + "where id = ?")
                .params(role.name(), id)
                .update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update staff_user set enabled = ?, version = version + 1, security_stamp = security_stamp + 1 "
                        + "where id = ?")
                .params(enabled, id)
                .update();
    }

    void setDataAccess(long id, boolean dataAccess) {
        jdbc.sql("update staff_user set data_access = ?, version = version + 1, security_stamp = security_stamp + 1 "
                        + "where id = ?")
                .params(dataAccess, id)
                .update();
    }

    /** Ends every pending sign-in and device trust of the member without changing anything else. */
    void moveSecurityStamp(long id) {
        jdbc.sql("update staff_user set security_stamp = security_stamp + 1 where id = ?")
                .param(id)
                .update();
    }

    /** Forgets the second factor: the user enrols again at the next sign-in. */
    void clearSecondFactor(long id) {
        jdbc.sql("update staff_user set totp_secret = null, totp_confirmed = false, totp_last_step = null, "
                        + "version = version + 1, security_stamp = security_stamp + 1 where id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from recovery_code where user_id = ?").param(id).update();
    }

    /**
     * Keeps the secret shown for enrolment; refused (false) once a factor is confirmed or when the account
     * changed since the sign-in began.
     */
    boolean storeUnconfirmedSecret(long id, long stamp, byte[] encryptedSecret) {
        return jdbc.sql("update staff_user set totp_secret = ?, totp_last_step = null, version = version + 1 "
                                + "where id = ? and totp_confirmed = false and security_stamp = ?")
                        .params(encryptedSecret, id, stamp)
                        .update()
                == 1;
    }

    /** Confirms the enrolled secret, once: false if a factor was confirmed meanwhile or the account changed. */
    boolean confirmSecondFactor(long id, long stamp, byte[] encryptedSecret, long step) {
        return jdbc.sql("update staff_user set totp_secret = ?, totp_confirmed = true, totp_last_step = ?, "
                                + "version = version + 1, security_stamp = security_stamp + 1 "
                                + "where id = ? and totp_confirmed = false and security_stamp = ?")
                        .params(encryptedSecret, step, id, stamp)
                        .update()
                == 1;
    }

    /** Records the step of an accepted code, unless a code of this or a later step was accepted meanwhile. */
    boolean useStep(long id, long step) {
        return jdbc.sql("update staff_user set totp_last_step = ? where id = ? "
                                + "and (totp_last_step is null or totp_last_step < ?)")
                        .params(step, id, step)
                        .update()
                == 1;
    }

    /** Consecutive failures and when the next attempt may be checked, for one kind of browser. */
    record Attempts(int failures, Instant nextAttemptAt) {}

    Optional<Attempts> attempts(long id, SignInAttempts.Browser browser) {
        return jdbc.sql("select " + browser.failures + ", " + browser.nextAttemptAt + " from staff_user where id = ?")
                .param(id)
                .query((rs, n) -> new Attempts(rs.getInt(1), Rows.instant(rs, browser.nextAttemptAt)))
                .optional();
    }

    /** Moves the counters from {@code seen} to the given values; false if another attempt moved them first. */
    boolean replaceAttempts(long id, SignInAttempts.Browser browser, Attempts seen, Attempts next) {
        return jdbc.sql("update staff_user set " + browser.failures + " = ?, " + browser.nextAttemptAt + " = ? "
                                + "where id = ? and " + browser.failures + " = ?")
                        .params(next.failures(), Rows.param(next.nextAttemptAt()), id, seen.failures())
                        .update()
                == 1;
    }

    void replaceRecoveryCodes(long userId, List<byte[]> hashes) {
        jdbc.sql("delete from recovery_code where user_id = ?").param(userId).update();
        for (byte[] hash : hashes) {
            jdbc.sql("insert into recovery_code (user_id, code_hash) values (?, ?)")
                    .params(userId, hash)
                    .update();
        }
    }

    /** Marks an unused recovery code used; false if there is none with that hash (or it was used). */
    boolean useRecoveryCode(long userId, byte[] hash, Instant now) {
        return jdbc.sql("update recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
                        .params(Rows.param(now), userId, hash)
                        .update()
                == 1;
    }

    int unusedRecoveryCodes(long userId) {
        return jdbc.sql("select count(*) from recovery_code where user_id = ? and used_at is null")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    private static Long organisationId(ResultSet rs) throws SQLException {
        long id = rs.getLong("organisation_id");
        return rs.wasNull() ? null : id;
    }

    private static StaffRow row(ResultSet rs, int n) throws SQLException {
        long lastStep = rs.getLong("totp_last_step");
        Long totpLastStep = rs.wasNull() ? null : lastStep;
        return new StaffRow(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                StaffRole.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getBytes("totp_secret"),
                rs.getBoolean("totp_confirmed"),
                totpLastStep,
                Rows.instant(rs, "created_at"),
                rs.getLong("version"),
                rs.getLong("security_stamp"),
                rs.getBoolean("data_access"),
                organisationId(rs));
    }
}

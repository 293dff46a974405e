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
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into staff_user (email, display_name, password_hash, role, enabled, totp_confirmed, "
                        + "failed_attempts, created_at, version) values (?, ?, ?, ?, true, false, 0, ?, 0)")
                .params(email, displayName, passwordHash, role.name(), Rows.param(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setNameAndPassword(long id, String displayName, String passwordHash) {
        jdbc.sql("update staff_user set display_name = ?, password_hash = ?, version = version + 1 where id = ?")
                .params(displayName, passwordHash, id)
                .update();
    }

    void setPassword(long id, String passwordHash) {
        jdbc.sql("update staff_user set password_hash = ?, version = version + 1 where id = ?")
                .params(passwordHash, id)
                .update();
    }

    void setRole(long id, StaffRole role) {
        jdbc.sql("update staff_user set role = ?, version = version + 1 where id = ?")
                .params(role.name(), id)
                .update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update staff_user set enabled = ?, version = version + 1 where id = ?")
                .params(enabled, id)
                .update();
    }

    /** Forgets the second factor: the user enrols again at the next sign-in. */
    void clearSecondFactor(long id) {
        jdbc.sql("update staff_user set totp_secret = null, totp_confirmed = false, totp_last_step = null, "
                        + "version = version + 1 where id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from recovery_code where user_id = ?").param(id).update();
    }

    void storeUnconfirmedSecret(long id, byte[] encryptedSecret) {
        jdbc.sql("update staff_user set totp_secret = ?, totp_confirmed = false, totp_last_step = null, "
                        + "version = version + 1 where id = ?")
                .params(encryptedSecret, id)
                .update();
    }

    void confirmSecondFactor(long id, byte[] encryptedSecret, long step) {
        jdbc.sql("update staff_user set totp_secret = ?, totp_confirmed = true, totp_last_step = ?, "
                        + "version = version + 1 where id = ?")
                .params(encryptedSecret, step, id)
                .update();
    }

    /** Records the step of an accepted code, unless a code of this or a later step was accepted meanwhile. */
    boolean useStep(long id, long step) {
        return jdbc.sql("update staff_user set totp_last_step = ? where id = ? "
                                + "and (totp_last_step is null or totp_last_step < ?)")
                        .params(step, id, step)
                        .update()
                == 1;
    }

    /** Counts a failure; locks the account when it reaches {@code max}. Returns whether it is now locked. */
    boolean recordFailure(long id, int max, Instant lockUntil) {
        jdbc.sql("update staff_user set failed_attempts = failed_attempts + 1 where id = ?")
                .param(id)
                .update();
        return jdbc.sql(
                                "update staff_user set failed_attempts = 0, locked_until = ? where id = ? and failed_attempts >= ?")
                        .params(Rows.param(lockUntil), id, max)
                        .update()
                == 1;
    }

    void clearFailures(long id) {
        jdbc.sql("update staff_user set failed_attempts = 0, locked_until = null where id = ?")
                .param(id)
                .update();
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
                rs.getInt("failed_attempts"),
                Rows.instant(rs, "locked_until"),
                Rows.instant(rs, "created_at"),
                rs.getLong("version"));
    }
}

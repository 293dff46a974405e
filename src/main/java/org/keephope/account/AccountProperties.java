package org.keephope.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Staff account settings, under {@code keephope.account.*} ({@code KEEPHOPE_ACCOUNT_*}).
 *
 * @param adminEmail with {@code adminPassword}: the first admin, created at start when there is no staff user
 *     ({@code KEEPHOPE_ADMIN_EMAIL}); empty: a one-time setup link is logged instead
 * @param adminPassword the first admin's password ({@code KEEPHOPE_ADMIN_PASSWORD}), 12 to 128 characters
 * @param setupValidity how long the first admin's setup link works
 * @param inviteValidity how long an invitation link works
 * @param resetValidity how long a password reset link works
 * @param resetsPerAccountPerHour password-reset mails per account per hour; more requests are answered the same
 *     and send nothing
 * @param maxFailures failed sign-ins (password or code) on an account before each further attempt must wait:
 *     2 s, then twice as long after each further failure, at most {@code lockDuration}; no hard lock
 * @param lockDuration the longest such wait, and the per-client window
 * @param clientFailuresPerWindow failed sign-ins and reset requests per client address (keyed hash, in memory)
 *     per lock duration
 * @param concurrentPasswordChecks Argon2id comparisons (46 MiB each) at once; a sign-in that finds none free
 *     within a second is answered 503 with {@code Retry-After}; 0: half the processors, at least one
 * @param deviceValidity how long a device cookie (a browser where the member signed in) lets that browser's
 *     attempts count apart from strangers'
 * @param absoluteTimeout a staff session ends this long after sign-in, however active
 * @param secureCookie session cookie {@code Secure} and named {@code __Host-KEEPHOPE_SESSION}; unset: when the
 *     base URL is https
 * @param requirePasskeyForAdmins an ADMIN must have a passkey: one without is sent to enrol one before anything
 *     else, and one with signs in with it (or a recovery code), not with a TOTP code
 *     ({@code KEEPHOPE_ACCOUNT_REQUIRE_PASSKEY_FOR_ADMINS})
 */
@Validated
@ConfigurationProperties(prefix = "keephope.account")
public record AccountProperties(
        @Email String adminEmail,
        String adminPassword,
        @DefaultValue("24h") @NotNull Duration setupValidity,
        @DefaultValue("72h") @NotNull Duration inviteValidity,
        @DefaultValue("1h") @NotNull Duration resetValidity,
        @DefaultValue("3") @Min(1) @Max(100) int resetsPerAccountPerHour,
        @DefaultValue("5") @Min(1) @Max(100) int maxFailures,
        @DefaultValue("15m") @NotNull Duration lockDuration,
        @DefaultValue("20") @Min(1) int clientFailuresPerWindow,
        @DefaultValue("0") @Min(0) @Max(64) int concurrentPasswordChecks,
        @DefaultValue("90d") @NotNull Duration deviceValidity,
        @DefaultValue("12h") @NotNull Duration absoluteTimeout,
        Boolean secureCookie,
        @DefaultValue("false") boolean requirePasskeyForAdmins) {

    public AccountProperties {
        adminEmail = adminEmail == null || adminEmail.isBlank() ? null : adminEmail.strip();
        adminPassword = adminPassword == null || adminPassword.isEmpty() ? null : adminPassword;
    }

    /** The number of password checks at once: as set, or half the processors (at least one). */
    int passwordChecksAtOnce() {
        return concurrentPasswordChecks > 0
                ? concurrentPasswordChecks
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    boolean createsFirstAdminFromSettings() {
        return adminEmail != null && adminPassword != null;
    }
}

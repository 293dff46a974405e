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
 * @param maxFailures failed sign-ins (password or code) before an account is locked
 * @param lockDuration how long a locked account stays locked
 * @param clientFailuresPerWindow failed sign-ins per client address (keyed hash, in memory) per lock duration
 * @param absoluteTimeout a staff session ends this long after sign-in, however active
 * @param secureCookie session cookie {@code Secure} and named {@code __Host-KEEPHOPE_SESSION}; unset: when the
 *     base URL is https
 */
@Validated
@ConfigurationProperties(prefix = "keephope.account")
public record AccountProperties(
        @Email String adminEmail,
        String adminPassword,
        @DefaultValue("24h") @NotNull Duration setupValidity,
        @DefaultValue("72h") @NotNull Duration inviteValidity,
        @DefaultValue("1h") @NotNull Duration resetValidity,
        @DefaultValue("5") @Min(1) @Max(100) int maxFailures,
        @DefaultValue("15m") @NotNull Duration lockDuration,
        @DefaultValue("20") @Min(1) int clientFailuresPerWindow,
        @DefaultValue("12h") @NotNull Duration absoluteTimeout,
        Boolean secureCookie) {

    public AccountProperties {
        adminEmail = adminEmail == null || adminEmail.isBlank() ? null : adminEmail.strip();
        adminPassword = adminPassword == null || adminPassword.isEmpty() ? null : adminPassword;
    }

    boolean createsFirstAdminFromSettings() {
        return adminEmail != null && adminPassword != null;
    }
}

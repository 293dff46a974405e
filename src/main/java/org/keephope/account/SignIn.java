package org.keephope.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.keephope.audit.AuditLog;
import org.keephope.privacy.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two steps of a staff sign-in: password, then a TOTP code or a recovery code (or, the first time,
 * enrolling TOTP). Wrong answers count against the account (locked after too many) and the client; the answer
 * to a wrong password never says whether the account exists.
 */
@Service
class SignIn {

    static final String SECRET_CONTEXT = "staff_user.totp_secret";
    static final String ISSUER = "KeepHope";

    sealed interface PasswordOutcome {}

    record Failed() implements PasswordOutcome {}

    record ClientThrottled() implements PasswordOutcome {}

    /** Password right: next the code (or enrolment, when {@code enrol}). */
    record NeedsSecondFactor(long userId, boolean enrol) implements PasswordOutcome {}

    record Enrolment(String secret, String uri, String qrCode) {}

    record Enrolled(StaffMember member, List<String> recoveryCodes) {}

    private final StaffRepository staff;
    private final Passwords passwords;
    private final Totp totp;
    private final PersonalData personalData;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final AccountProperties properties;
    private final Clock clock;

    SignIn(
            StaffRepository staff,
            Passwords passwords,
            Totp totp,
            PersonalData personalData,
            LoginThrottle throttle,
            AuditLog audit,
            AccountProperties properties,
            Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.totp = totp;
        this.personalData = personalData;
        this.throttle = throttle;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    boolean clientThrottled(String client) {
        return throttle.blocked(client);
    }

    @Transactional
    PasswordOutcome password(String email, String password, String client) {
        if (throttle.blocked(client)) {
            return new ClientThrottled();
        }
        String canonical = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Optional<StaffRow> found = canonical.length() > 320 ? Optional.empty() : staff.byEmail(canonical);
        Instant now = clock.instant();
        // always one Argon2 comparison, so the time does not tell whether the account exists
        boolean right =
                passwords.matches(password, found.map(StaffRow::passwordHash).orElse(null));
        if (found.isEmpty()) {
            throttle.failed(client);
            audit.record("anonymous", "staff.sign-in-failed", "staff_user", null, "unknown account");
            return new Failed();
        }
        StaffRow user = found.get();
        if (!right || !user.enabled() || user.lockedAt(now)) {
            String why = user.lockedAt(now) ? "locked" : !user.enabled() ? "disabled" : "wrong password";
            fail(user, why, client);
            return new Failed();
        }
        return new NeedsSecondFactor(user.id(), !user.totpConfirmed());
    }

    /** The second step: a TOTP code, or one of the recovery codes. Empty when wrong (and counted). */
    @Transactional
    Optional<StaffMember> secondFactor(long userId, String code, String client) {
        StaffRow user = staff.byId(userId).orElse(null);
        if (user == null || !user.enabled() || user.lockedAt(clock.instant()) || !user.totpConfirmed()) {
            return Optional.empty();
        }
        String typed = code == null ? "" : code.strip();
        if (typed.matches("\\d{6}")) {
            byte[] secret = personalData.decryptBytes(user.totpSecretEnc(), SECRET_CONTEXT);
            OptionalLong step = totp.verify(secret, typed, user.totpLastStep());
            if (step.isPresent() && staff.useStep(userId, step.getAsLong())) {
                return succeed(user, "totp");
            }
        } else if (staff.useRecoveryCode(
                userId, Secrets.sha256(Secrets.normaliseRecoveryCode(typed)), clock.instant())) {
            audit.record(user.email(), "staff.recovery-code-used", "staff_user", userId, null);
            return succeed(user, "recovery code");
        }
        fail(user, "wrong code", client);
        return Optional.empty();
    }

    /** The secret to enrol: the same until confirmed, so reloading the page does not invalidate a scan. */
    @Transactional
    Enrolment enrolment(long userId) {
        StaffRow user = staff.byId(userId).orElseThrow();
        byte[] secret;
        if (user.totpSecretEnc() == null || user.totpConfirmed()) {
            secret = Secrets.totpSecret();
            staff.storeUnconfirmedSecret(userId, personalData.encrypt(secret, SECRET_CONTEXT));
        } else {
            secret = personalData.decryptBytes(user.totpSecretEnc(), SECRET_CONTEXT);
        }
        String base32 = Base32.encode(secret);
        String uri = Totp.uri(ISSUER, user.email(), base32);
        return new Enrolment(base32, uri, QrCode.svgDataUri(uri));
    }

    @Transactional
    Optional<Enrolled> confirmEnrolment(long userId, String code, String client) {
        StaffRow user = staff.byId(userId).orElse(null);
        if (user == null
                || !user.enabled()
                || user.lockedAt(clock.instant())
                || user.totpConfirmed()
                || user.totpSecretEnc() == null) {
            return Optional.empty();
        }
        byte[] secret = personalData.decryptBytes(user.totpSecretEnc(), SECRET_CONTEXT);
        OptionalLong step = totp.verify(secret, code == null ? "" : code.strip(), null);
        if (step.isEmpty()) {
            fail(user, "wrong code at enrolment", client);
            return Optional.empty();
        }
        staff.confirmSecondFactor(userId, user.totpSecretEnc(), step.getAsLong());
        List<String> codes = Secrets.recoveryCodes();
        staff.replaceRecoveryCodes(
                userId,
                codes.stream()
                        .map(c -> Secrets.sha256(Secrets.normaliseRecoveryCode(c)))
                        .toList());
        audit.record(user.email(), "staff.second-factor-enrolled", "staff_user", userId, null);
        return succeed(user, "totp enrolled").map(member -> new Enrolled(member, codes));
    }

    /** Whether an account is locked now (the pending sign-in then ends). */
    @Transactional(readOnly = true)
    boolean locked(long userId) {
        return staff.byId(userId)
                .map(u -> u.lockedAt(clock.instant()) || !u.enabled())
                .orElse(true);
    }

    @Transactional
    void signedOut(StaffMember member, boolean everywhere) {
        audit.record(
                member.email(),
                everywhere ? "staff.sign-out-everywhere" : "staff.sign-out",
                "staff_user",
                member.id(),
                null);
    }

    private Optional<StaffMember> succeed(StaffRow user, String how) {
        staff.clearFailures(user.id());
        audit.record(user.email(), "staff.sign-in", "staff_user", user.id(), how);
        return Optional.of(user.member());
    }

    private void fail(StaffRow user, String why, String client) {
        throttle.failed(client);
        boolean nowLocked = !user.lockedAt(clock.instant())
                && staff.recordFailure(
                        user.id(), properties.maxFailures(), clock.instant().plus(properties.lockDuration()));
        audit.record(user.email(), "staff.sign-in-failed", "staff_user", user.id(), nowLocked ? why + "; locked" : why);
    }
}

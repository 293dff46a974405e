package org.keephope.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.keephope.audit.AuditLog;
import org.keephope.privacy.PersonalData;
import org.keephope.support.Sha256;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two steps of a staff sign-in: password, then a TOTP code or a recovery code (or, while the account has
 * no confirmed factor, enrolling TOTP). The answer to a wrong password never says whether the account exists.
 *
 * <p>The password step runs in no transaction: each query takes a pooled connection for a moment, while the
 * Argon2id comparison (46 MiB, the slow part) runs under a {@link PasswordChecks} permit holding none. Wrong
 * answers count against the account ({@link SignInAttempts}: growing delays) and the client ({@link
 * LoginThrottle}); the second step always re-reads the account, so nothing decided at the password step —
 * above all whether to enrol — is trusted later.
 */
@Service
class SignIn {

    static final String SECRET_CONTEXT = "staff_user.totp_secret";
    static final String ISSUER = "KeepHope";

    sealed interface PasswordOutcome {}

    record Failed() implements PasswordOutcome {}

    record ClientThrottled() implements PasswordOutcome {}

    /** Password right: the session may hold {@code pending} until the second factor (or enrolment). */
    record NeedsSecondFactor(PendingSignIn pending, String email, boolean enrol) implements PasswordOutcome {}

    /** What the second step of a pending sign-in is now, re-read from the account. */
    enum Step {
        CODE,
        ENROL
    }

    sealed interface SecondStepOutcome {}

    record SignedIn(StaffMember member) implements SecondStepOutcome {}

    record Enrolled(StaffMember member, List<String> recoveryCodes) implements SecondStepOutcome {}

    /** The code was wrong, or came before the account's delay was over. */
    record WrongCode() implements SecondStepOutcome {}

    /** The pending sign-in is over (expired, the account changed, or the step no longer applies). */
    record Ended() implements SecondStepOutcome {}

    /** A TOTP code from an ADMIN who must sign in with a passkey (or a recovery code): not even checked. */
    record PasskeyRequired() implements SecondStepOutcome {}

    record Enrolment(String secret, String uri, String qrCode) {}

    private final StaffRepository staff;
    private final PasswordChecks passwordChecks;
    private final SignInAttempts attempts;
    private final Totp totp;
    private final PersonalData personalData;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Passkeys passkeys;
    private final Clock clock;

    SignIn(
            StaffRepository staff,
            PasswordChecks passwordChecks,
            SignInAttempts attempts,
            Totp totp,
            PersonalData personalData,
            LoginThrottle throttle,
            AuditLog audit,
            Passkeys passkeys,
            Clock clock) {
        this.staff = staff;
        this.passwordChecks = passwordChecks;
        this.attempts = attempts;
        this.totp = totp;
        this.personalData = personalData;
        this.throttle = throttle;
        this.audit = audit;
        this.passkeys = passkeys;
        this.clock = clock;
    }

    boolean clientThrottled(String client) {
        return throttle.blocked(client);
    }

    /**
     * The password step. Not transactional on purpose (see the class comment).
     *
     * @param knownDevice whether the request carries a device cookie of the account found
     * @throws PasswordChecks.Busy when no password check is free in time (answer 503)
     */
    PasswordOutcome password(String email, String password, String client, Predicate<StaffRow> knownDevice) {
        if (throttle.blocked(client)) {
            return new ClientThrottled();
        }
        String canonical = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Optional<StaffRow> found = canonical.length() > 320 ? Optional.empty() : staff.byEmail(canonical);
        try (var check = passwordChecks.permit()) {
            // again after the wait for a permit: failures recorded meanwhile by a parallel burst count now
            if (throttle.blocked(client)) {
                return new ClientThrottled();
            }
            if (found.isEmpty()) {
                throttle.failed(client); // counted before the hash: nothing can make it right
                check.matches(password, null); // one comparison all the same: the time does not tell
                audit.record("anonymous", "staff.sign-in-failed", "staff_user", null, "unknown account");
                return new Failed();
            }
            StaffRow user = found.get();
            boolean trusted = knownDevice.test(user);
            var browser = trusted ? SignInAttempts.Browser.KNOWN_DEVICE : SignInAttempts.Browser.UNKNOWN;
            var admitted = attempts.admit(user.id(), browser); // counted before the hash
            boolean right = check.matches(password, user.passwordHash());
            if (admitted.isEmpty() || !right || !user.enabled()) {
                throttle.failed(client);
                String why = admitted.isEmpty() ? "too early after failures" : !right ? "wrong password" : "disabled";
                audit.record(
                        user.email(),
                        "staff.sign-in-failed",
                        "staff_user",
                        user.id(),
                        trusted ? why + " (known device)" : why);
                return new Failed();
            }
            attempts.takeBack(admitted.get());
            return new NeedsSecondFactor(
                    new PendingSignIn(user.id(), user.securityStamp(), trusted), user.email(), !user.totpConfirmed());
        }
    }

    /** The account a pending sign-in may go on with: same stamp, enabled, within its validity; else empty. */
    Optional<StaffRow> resume(PendingSignIn pending, Instant sessionCreated) {
        Instant now = clock.instant();
        if (pending == null
                || sessionCreated.isAfter(now)
                || !now.isBefore(sessionCreated.plus(PendingSignIn.VALIDITY))) {
            return Optional.empty();
        }
        return staff.byId(pending.userId())
                .filter(u -> u.securityStamp() == pending.securityStamp() && u.enabled() && !u.pending());
    }

    Optional<Step> step(PendingSignIn pending, Instant sessionCreated) {
        return resume(pending, sessionCreated).map(u -> u.totpConfirmed() ? Step.CODE : Step.ENROL);
    }

    /** The second step: a TOTP code, or one of the recovery codes. */
    @Transactional
    SecondStepOutcome secondFactor(PendingSignIn pending, Instant sessionCreated, String code, String client) {
        StaffRow user = resume(pending, sessionCreated).orElse(null);
        if (user == null || !user.totpConfirmed()) {
            return new Ended();
        }
        var admitted = attempts.admit(user.id(), pending.browser()); // counted before the code is checked
        if (admitted.isPresent()) {
            String typed = code == null ? "" : code.strip();
            if (typed.matches("\\d{6}") && passkeys.required(user.role()) && passkeys.count(user.email()) > 0) {
                attempts.takeBack(admitted.get()); // not a wrong code: the account's delay does not grow
                audit.record(
                        user.email(),
                        "staff.sign-in-failed",
                        "staff_user",
                        user.id(),
                        "totp refused: passkey required");
                return new PasskeyRequired();
            } else if (typed.matches("\\d{6}")) {
                byte[] secret = personalData.decryptBytes(user.totpSecretEnc(), SECRET_CONTEXT);
                OptionalLong step = totp.verify(secret, typed, user.totpLastStep());
                if (step.isPresent() && staff.useStep(user.id(), step.getAsLong())) {
                    return new SignedIn(succeed(user, pending, "totp"));
                }
            } else if (staff.useRecoveryCode(
                    user.id(), Sha256.of(Secrets.normaliseRecoveryCode(typed)), clock.instant())) {
                audit.record(user.email(), "staff.recovery-code-used", "staff_user", user.id(), null);
                return new SignedIn(succeed(user, pending, "recovery code"));
            }
        }
        fail(user, admitted.isEmpty() ? "code too early after failures" : "wrong code", client);
        return new WrongCode();
    }

    /** Whether the second step of this pending sign-in may be a passkey: the account has at least one. */
    @Transactional(readOnly = true)
    boolean offersPasskey(PendingSignIn pending, Instant sessionCreated) {
        return resume(pending, sessionCreated)
                .filter(StaffRow::totpConfirmed)
                .map(u -> passkeys.count(u.email()) > 0)
                .orElse(false);
    }

    /**
     * The options of a passkey ceremony for the second step (this account's passkeys only); empty when the
     * pending sign-in is over or the account has no passkey.
     */
    @Transactional(readOnly = true)
    Optional<String> passkeyOptions(
            PendingSignIn pending, Instant sessionCreated, java.util.function.Consumer<Passkeys.Ceremony> keep) {
        return resume(pending, sessionCreated)
                .filter(StaffRow::totpConfirmed)
                .filter(u -> passkeys.count(u.email()) > 0)
                .map(u -> passkeys.requestOptions(u, keep));
    }

    /**
     * The second step with a passkey, under the same rules as a code: the pending sign-in's account, stamp and
     * validity, the account's growing delays and the client's limit.
     */
    @Transactional
    SecondStepOutcome passkey(
            PendingSignIn pending, Instant sessionCreated, Passkeys.Ceremony ceremony, String answer, String client) {
        StaffRow user = resume(pending, sessionCreated).orElse(null);
        if (user == null || !user.totpConfirmed()) {
            return new Ended();
        }
        var admitted = attempts.admit(user.id(), pending.browser());
        if (admitted.isPresent()) {
            Optional<String> label = passkeys.verify(user, ceremony, answer == null ? "" : answer);
            if (label.isPresent()) {
                return new SignedIn(succeed(user, pending, "passkey " + label.get()));
            }
        }
        fail(user, admitted.isEmpty() ? "passkey too early after failures" : "passkey refused", client);
        return new WrongCode();
    }

    /**
     * The secret to enrol: the same until confirmed, so reloading the page does not invalidate a scan. Empty
     * once a factor is confirmed: a pending sign-in never replaces a confirmed factor.
     */
    @Transactional
    Optional<Enrolment> enrolment(PendingSignIn pending, Instant sessionCreated) {
        StaffRow user = resume(pending, sessionCreated).orElse(null);
        if (user == null || user.totpConfirmed()) {
            return Optional.empty();
        }
        byte[] secret;
        if (user.totpSecretEnc() == null) {
            secret = Secrets.totpSecret();
            if (!staff.storeUnconfirmedSecret(
                    user.id(), pending.securityStamp(), personalData.encrypt(secret, SECRET_CONTEXT))) {
                return Optional.empty();
            }
        } else {
            secret = personalData.decryptBytes(user.totpSecretEnc(), SECRET_CONTEXT);
        }
        String base32 = Base32.encode(secret);
        String uri = Totp.uri(ISSUER, user.email(), base32);
        return Optional.of(new Enrolment(base32, uri, QrCode.svgDataUri(uri)));
    }

    /** Confirms enrolment with a code of the new secret; at most once per account and security stamp. */
    @Transactional
    SecondStepOutcome confirmEnrolment(PendingSignIn pending, Instant sessionCreated, String code, String client) {
        StaffRow user = resume(pending, sessionCreated).orElse(null);
        if (user == null || user.totpConfirmed() || user.totpSecretEnc() == null) {
            return new Ended();
        }
        var admitted = attempts.admit(user.id(), pending.browser());
        byte[] secret = personalData.decryptBytes(user.totpSecretEnc(), SECRET_CONTEXT);
        OptionalLong step =
                admitted.isEmpty() ? OptionalLong.empty() : totp.verify(secret, code == null ? "" : code.strip(), null);
        if (step.isEmpty()) {
            fail(
                    user,
                    admitted.isEmpty() ? "enrolment code too early after failures" : "wrong code at enrolment",
                    client);
            return new WrongCode();
        }
        if (!staff.confirmSecondFactor(user.id(), pending.securityStamp(), user.totpSecretEnc(), step.getAsLong())) {
            return new Ended(); // another sign-in confirmed a factor first
        }
        List<String> codes = Secrets.recoveryCodes();
        staff.replaceRecoveryCodes(
                user.id(),
                codes.stream()
                        .map(c -> Sha256.of(Secrets.normaliseRecoveryCode(c)))
                        .toList());
        audit.record(user.email(), "staff.second-factor-enrolled", "staff_user", user.id(), null);
        return new Enrolled(succeed(user, pending, "totp enrolled"), codes);
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

    private StaffMember succeed(StaffRow user, PendingSignIn pending, String how) {
        attempts.succeeded(user.id(), pending.browser());
        audit.record(
                user.email(),
                "staff.sign-in",
                "staff_user",
                user.id(),
                pending.trustedDevice() ? how + " (known device)" : how);
        return user.member();
    }

    private void fail(StaffRow user, String why, String client) {
        throttle.failed(client);
        audit.record(user.email(), "staff.sign-in-failed", "staff_user", user.id(), why);
    }
}

package org.keephope.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keephope.audit.AuditLog;
import org.keephope.mail.MailPriority;
import org.keephope.mail.Outbox;
import org.keephope.web.FormPatterns;
import org.keephope.web.SiteProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links: the first admin's setup, an invited member's setup, a password reset. None of them signs
 * anyone in: after each, the member signs in with password and second factor.
 */
@Service
class AccountSetup {

    /** What a setup link asks for: the first admin also chooses the email. */
    record SetupPage(SetupTokens.Purpose purpose, String email) {}

    private static final int MAX_NAME = 100;

    private final StaffRepository staff;
    private final SetupTokens tokens;
    private final Passwords passwords;
    private final Outbox outbox;
    private final AuditLog audit;
    private final StaffSessions sessions;
    private final SiteProperties site;
    private final AccountMails mails;
    private final AccountProperties properties;
    private final Clock clock;

    AccountSetup(
            StaffRepository staff,
            SetupTokens tokens,
            Passwords passwords,
            Outbox outbox,
            AuditLog audit,
            StaffSessions sessions,
            SiteProperties site,
            AccountMails mails,
            AccountProperties properties,
            Clock clock) {
        this.staff = staff;
        this.tokens = tokens;
        this.passwords = passwords;
        this.outbox = outbox;
        this.audit = audit;
        this.sessions = sessions;
        this.site = site;
        this.mails = mails;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean noStaffYet() {
        return staff.count() == 0;
    }

    /** A new first-admin link (the old one stops working); the token, to be logged once. */
    @Transactional
    String firstAdminLink() {
        return site.absolute(
                "/setup/" + tokens.issue(SetupTokens.Purpose.FIRST_ADMIN, null, properties.setupValidity()));
    }

    /** The first admin from KEEPHOPE_ADMIN_EMAIL and _PASSWORD; TOTP is enrolled at the first sign-in. */
    @Transactional
    void createFirstAdmin(String email, String password) {
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw new IllegalStateException("KEEPHOPE_ADMIN_PASSWORD must be 12 to 128 characters long");
        }
        String canonical = email.strip().toLowerCase(Locale.ROOT);
        long id = staff.insert(canonical, canonical, passwords.hash(password), StaffRole.ADMIN, clock.instant());
        tokens.revokeAll(SetupTokens.Purpose.FIRST_ADMIN);
        audit.record("system", "staff.first-admin", "staff_user", id, "from settings");
    }

    @Transactional(readOnly = true)
    Optional<SetupPage> setupPage(String token) {
        return tokens.find(token)
                .filter(l -> l.purpose() != SetupTokens.Purpose.RESET)
                .map(l -> new SetupPage(
                        l.purpose(),
                        l.userId() == null
                                ? null
                                : staff.byId(l.userId()).map(StaffRow::email).orElse(null)));
    }

    /** Sets up the account of a link; field errors (message keys) if the input is not acceptable. */
    @Transactional
    Map<String, String> completeSetup(String token, String email, String name, String password) {
        SetupPage page = setupPage(token).orElseThrow(AccountSetup::linkGone);
        Map<String, String> errors = new LinkedHashMap<>();
        String canonical = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (page.purpose() == SetupTokens.Purpose.FIRST_ADMIN
                && (canonical.length() > 320 || !canonical.matches(FormPatterns.EMAIL))) {
            errors.put("email", "account.error.email");
        }
        String displayName = name == null ? "" : name.strip();
        if (displayName.isEmpty()
                || displayName.length() > MAX_NAME
                || displayName.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "account.error.name");
        }
        String problem = Passwords.problem(password);
        if (problem != null) {
            errors.put("password", problem);
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        SetupTokens.Link link = tokens.find(token).orElseThrow(AccountSetup::linkGone);
        if (!tokens.use(link)) {
            throw linkGone();
        }
        if (page.purpose() == SetupTokens.Purpose.FIRST_ADMIN) {
            long id = staff.insert(canonical, displayName, passwords.hash(password), StaffRole.ADMIN, clock.instant());
            tokens.revokeAll(SetupTokens.Purpose.FIRST_ADMIN); // any other first-admin link dies with this one
            audit.record(canonical, "staff.first-admin", "staff_user", id, "from setup link");
        } else {
            staff.setNameAndPassword(link.userId(), displayName, passwords.hash(password));
            audit.record(page.email(), "staff.setup", "staff_user", link.userId(), null);
        }
        return Map.of();
    }

    /**
     * Sends a reset link if the address belongs to an active member and that member has not had
     * {@code resets-per-account-per-hour} links in the last hour. Runs off the request ({@link ResetRequests}),
     * which answers the same at once whatever happens here.
     */
    @Transactional
    void requestReset(String email, Locale locale) {
        String canonical = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Optional<StaffRow> user = canonical.length() > 320 ? Optional.empty() : staff.byEmail(canonical);
        if (user.isEmpty() || !user.get().enabled() || user.get().pending()) {
            return;
        }
        long id = user.get().id();
        Instant now = clock.instant();
        if (tokens.issuedSince(SetupTokens.Purpose.RESET, id, now.minus(Duration.ofHours(1)))
                >= properties.resetsPerAccountPerHour()) {
            audit.record(canonical, "staff.password-reset-limited", "staff_user", id, null);
            return;
        }
        String link = site.absolute(
                "/login/reset/" + tokens.issue(SetupTokens.Purpose.RESET, id, properties.resetValidity()));
        outbox.enqueue(
                mails.reset(canonical, link, properties.resetValidity(), locale),
                "staff-reset:" + id,
                MailPriority.CONFIRMATION);
        audit.record(canonical, "staff.password-reset-requested", "staff_user", id, null);
    }

    @Transactional(readOnly = true)
    boolean resetLinkValid(String token) {
        return tokens.find(token)
                .filter(l -> l.purpose() == SetupTokens.Purpose.RESET)
                .isPresent();
    }

    /** The outcome of a reset: field errors, or the member whose password it set. */
    record Reset(Map<String, String> errors, long userId) {}

    /**
     * Sets the new password and ends the member's sessions, half-finished sign-ins included; errors if the
     * password is not acceptable.
     */
    @Transactional
    Reset reset(String token, String password) {
        SetupTokens.Link link = tokens.find(token)
                .filter(l -> l.purpose() == SetupTokens.Purpose.RESET)
                .orElseThrow(AccountSetup::linkGone);
        String problem = Passwords.problem(password);
        if (problem != null) {
            return new Reset(Map.of("password", problem), link.userId());
        }
        if (!tokens.use(link)) {
            throw linkGone();
        }
        StaffRow user = staff.byId(link.userId()).orElseThrow(AccountSetup::linkGone);
        staff.setPassword(user.id(), passwords.hash(password));
        audit.record(user.email(), "staff.password-reset", "staff_user", user.id(), null);
        sessions.endAll(user.email());
        return new Reset(Map.of(), user.id());
    }

    static LinkGone linkGone() {
        return new LinkGone();
    }

    /** A one-time link that is unknown, used or expired: a friendly 404 page. */
    static final class LinkGone extends RuntimeException {
        LinkGone() {
            super("link unknown, used or expired", null, false, false);
        }
    }
}

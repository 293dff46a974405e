package org.keephope.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keephope.audit.AuditLog;
import org.keephope.mail.MailPriority;
import org.keephope.mail.Outbox;
import org.keephope.web.SiteProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account module's facade: staff members, and what an admin does to them. Every change is audited in
 * the same transaction; a change of role or data permission, disabling or a reset of the second factor ends the
 * member's sessions, half-finished sign-ins included.
 */
@Service
public class StaffAccounts {

    /** A staff member as the users screen lists them. */
    public record Listed(StaffMember member, boolean enabled, boolean pending, boolean secondFactor) {}

    private final StaffRepository staff;
    private final SetupTokens tokens;
    private final Outbox outbox;
    private final AuditLog audit;
    private final StaffSessions sessions;
    private final SiteProperties site;
    private final AccountMails mails;
    private final AccountProperties properties;
    private final Passkeys passkeys;
    private final Clock clock;

    StaffAccounts(
            StaffRepository staff,
            SetupTokens tokens,
            Outbox outbox,
            AuditLog audit,
            StaffSessions sessions,
            SiteProperties site,
            AccountMails mails,
            AccountProperties properties,
            Passkeys passkeys,
            Clock clock) {
        this.staff = staff;
        this.tokens = tokens;
        this.outbox = outbox;
        this.audit = audit;
        this.sessions = sessions;
        this.site = site;
        this.mails = mails;
        this.properties = properties;
        this.passkeys = passkeys;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Listed> list() {
        return staff.all().stream()
                .map(r -> new Listed(r.member(), r.enabled(), r.pending(), r.totpConfirmed()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> find(long id) {
        return staff.byId(id).map(StaffRow::member);
    }

    /**
     * Invites someone by email (the mail in {@code locale}, the inviter's language); false (nothing sent) if the
     * address already has an account. A PARTNER with the organisation it acts for (and only a PARTNER has one). The
     * same setup link, password rules and second factor as staff.
     */
    @Transactional
    public boolean invite(StaffMember actor, String email, StaffRole role, Long organisationId, Locale locale) {
        if ((role == StaffRole.PARTNER) != (organisationId != null)) {
            throw new IllegalArgumentException("a partner account, and only one, has an organisation");
        }
        String canonical = email.strip().toLowerCase(Locale.ROOT);
        if (staff.byEmail(canonical).isPresent()) {
            return false;
        }
        long id = staff.insert(canonical, null, null, role, organisationId, clock.instant());
        String token = tokens.issue(SetupTokens.Purpose.INVITE, id, properties.inviteValidity());
        String link = site.absolute("/setup/" + token);
        outbox.enqueue(
                mails.invitation(canonical, role, link, properties.inviteValidity(), locale),
                "staff-invite:" + id,
                MailPriority.CONFIRMATION);
        audit.record(
                actor.email(),
                "staff.invite",
                "staff_user",
                id,
                "role " + role.name() + (organisationId == null ? "" : " organisation " + organisationId));
        return true;
    }

    @Transactional
    public void changeRole(StaffMember actor, long id, StaffRole role) {
        StaffRow user = staff.byId(id).orElseThrow(() -> new IllegalArgumentException("no such user"));
        if (role == StaffRole.PARTNER || user.role() == StaffRole.PARTNER) {
            // a partner account is bound to its organisation: invite a new account instead
            throw new IllegalArgumentException("a partner account's role does not change");
        }
        staff.setRole(id, role);
        audit.record(actor.email(), "staff.role", "staff_user", id, user.role().name() + " -> " + role.name());
        sessions.endAll(user.email());
    }

    @Transactional
    public void setEnabled(StaffMember actor, long id, boolean enabled) {
        StaffRow user = staff.byId(id).orElseThrow(() -> new IllegalArgumentException("no such user"));
        staff.setEnabled(id, enabled);
        audit.record(actor.email(), enabled ? "staff.enable" : "staff.disable", "staff_user", id, null);
        if (!enabled) {
            sessions.endAll(user.email());
        }
    }

    /** Forgets TOTP, recovery codes and passkeys: the member enrols again at the next sign-in. */
    @Transactional
    public void resetSecondFactor(StaffMember actor, long id) {
        StaffRow user = staff.byId(id).orElseThrow(() -> new IllegalArgumentException("no such user"));
        staff.clearSecondFactor(id);
        passkeys.removeAll(user.email());
        audit.record(actor.email(), "staff.reset-second-factor", "staff_user", id, null);
        sessions.endAll(user.email());
    }

    /**
     * Grants or takes back the permission to find supporters by email and export their personal data. Ends the
     * member's sessions, so the change holds from the next request on.
     */
    @Transactional
    public void setDataAccess(StaffMember actor, long id, boolean dataAccess) {
        StaffRow user = staff.byId(id).orElseThrow(() -> new IllegalArgumentException("no such user"));
        staff.setDataAccess(id, dataAccess);
        audit.record(actor.email(), "staff.data-access", "staff_user", id, dataAccess ? "granted" : "taken back");
        sessions.endAll(user.email());
    }

    /**
     * Ends every session of this member, this one and half-finished sign-ins included, and the trust of every
     * browser they signed in from.
     */
    @Transactional
    public int signOutEverywhere(StaffMember member) {
        staff.moveSecurityStamp(member.id());
        return sessions.endAll(member.email());
    }
}

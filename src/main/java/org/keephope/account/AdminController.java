package org.keephope.account;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.keephope.audit.AuditLog;
import org.keephope.coalition.Organisations;
import org.keephope.web.FormPatterns;
import org.keephope.web.Redirects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The users screen ({@code /admin/users}, ADMIN only) and the audit log
 * ({@code /admin/audit}, ADMIN only). The roles are enforced by path in the security configuration.
 */
@Controller
class AdminController {

    record InviteForm(String email, String role, String organisation) {}

    record RoleForm(String role) {}

    record DataAccessForm(String grant) {}

    private static final int AUDIT_PAGE = 100;

    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final Organisations organisations;

    AdminController(StaffAccounts accounts, AuditLog audit, Organisations organisations) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/admin/users")
    String users(@AuthenticationPrincipal StaffMember me, Model model) {
        return usersPage(me, model, new InviteForm("", StaffRole.EDITOR.name(), ""), Map.of());
    }

    @PostMapping("/admin/users/invite")
    String invite(
            @AuthenticationPrincipal StaffMember me,
            InviteForm form,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        String email = form.email() == null ? "" : form.email().strip();
        if (email.length() > 320 || !email.matches(FormPatterns.EMAIL)) {
            errors.put("email", "account.error.email");
        }
        StaffRole role = role(form.role());
        if (role == null) {
            errors.put("role", "account.error.role");
        }
        // a PARTNER acts for one organisation, chosen here; staff for none
        Long organisation = null;
        if (role == StaffRole.PARTNER) {
            organisation = organisations
                    .bySlug(form.organisation() == null ? "" : form.organisation())
                    .map(o -> o.id())
                    .orElse(null);
            if (organisation == null) {
                errors.put("organisation", "account.error.organisation");
            }
        }
        if (errors.isEmpty() && !accounts.invite(me, email.toLowerCase(Locale.ROOT), role, organisation, locale)) {
            errors.put("email", "account.error.email.taken");
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return usersPage(me, model, form, errors);
        }
        return Redirects.seeOther(response, "/admin/users?invited");
    }

    @PostMapping("/admin/users/{id}/role")
    String changeRole(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable long id,
            RoleForm form,
            Model model,
            HttpServletResponse response) {
        StaffRole role = role(form.role());
        if (role == null
                || role == StaffRole.PARTNER
                || id == me.id()
                || accounts.find(id).map(u -> u.role() == StaffRole.PARTNER).orElse(true)) {
            return refuse(me, model, response, "account.error.role");
        }
        accounts.changeRole(me, id, role);
        return Redirects.seeOther(response, "/admin/users");
    }

    /** The DATA permission beside the role: finding supporters by email, exporting their personal data. */
    @PostMapping("/admin/users/{id}/data-access")
    String dataAccess(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable long id,
            DataAccessForm form,
            Model model,
            HttpServletResponse response) {
        boolean grant = "true".equals(form.grant());
        // the DATA permission is a staff member's; a PARTNER sees its own organisation's supporters alone
        if (id == me.id()
                || (!grant && !"false".equals(form.grant()))
                || accounts.find(id).map(u -> u.role() == StaffRole.PARTNER).orElse(true)) {
            return refuse(me, model, response, "account.error.dataAccess");
        }
        accounts.setDataAccess(me, id, grant);
        return Redirects.seeOther(response, "/admin/users");
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(
            @AuthenticationPrincipal StaffMember me, @PathVariable long id, Model model, HttpServletResponse response) {
        if (id == me.id() || accounts.find(id).isEmpty()) {
            return refuse(me, model, response, "account.error.self");
        }
        accounts.setEnabled(me, id, false);
        return Redirects.seeOther(response, "/admin/users");
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(
            @AuthenticationPrincipal StaffMember me, @PathVariable long id, Model model, HttpServletResponse response) {
        if (accounts.find(id).isEmpty()) {
            return refuse(me, model, response, "account.error.self");
        }
        accounts.setEnabled(me, id, true);
        return Redirects.seeOther(response, "/admin/users");
    }

    @PostMapping("/admin/users/{id}/reset-second-factor")
    String resetSecondFactor(
            @AuthenticationPrincipal StaffMember me, @PathVariable long id, Model model, HttpServletResponse response) {
        if (accounts.find(id).isEmpty()) {
            return refuse(me, model, response, "account.error.self");
        }
        accounts.resetSecondFactor(me, id);
        return Redirects.seeOther(response, id == me.id() ? "/login" : "/admin/users");
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.newest(0, AUDIT_PAGE));
        return "account/audit";
    }

    private String refuse(StaffMember me, Model model, HttpServletResponse response, String problem) {
        response.setStatus(422);
        return usersPage(me, model, new InviteForm("", StaffRole.EDITOR.name(), ""), Map.of("action", problem));
    }

    private String usersPage(StaffMember me, Model model, InviteForm form, Map<String, String> errors) {
        model.addAttribute("me", me);
        model.addAttribute("users", accounts.list());
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("email", form.email() == null ? "" : form.email());
        model.addAttribute("role", form.role() == null ? "" : form.role());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("organisation", form.organisation() == null ? "" : form.organisation());
        model.addAttribute("errors", errors);
        return "account/users";
    }

    private static StaffRole role(String value) {
        for (StaffRole role : StaffRole.values()) {
            if (role.name().equals(value)) {
                return role;
            }
        }
        return null;
    }
}

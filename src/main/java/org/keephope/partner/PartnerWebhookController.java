package org.keephope.partner;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.keephope.account.StaffMember;
import org.keephope.web.FormErrors;
import org.keephope.web.PageNotFound;
import org.keephope.web.Redirects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /partner/webhooks} (PARTNER accounts): the organisation's own webhook endpoints, made, rotated,
 * disabled and enabled, with each one's delivery log and replay. The organisation is the signed-in account's;
 * another's endpoint is "not found".
 */
@Controller
class PartnerWebhookController {

    static final String LIST = "/partner/webhooks";
    static final int LOG = 50;

    private final Webhooks webhooks;

    PartnerWebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping(LIST)
    String list(@AuthenticationPrincipal StaffMember me, Model model, CsrfToken csrf) {
        return page(me, model, csrf, WebhookForm.empty(), FormErrors.none());
    }

    @PostMapping(LIST)
    String create(
            @AuthenticationPrincipal StaffMember me,
            @Valid @ModelAttribute("form") WebhookForm form,
            BindingResult binding,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        long org = PartnerAccess.organisationOf(me);
        var errors = FormErrors.of(binding);
        if (!errors.has("url")) {
            webhooks.guard().problem(form.url()).ifPresent(p -> errors.add("url", p));
        }
        if (form.events() == null || form.events().stream().noneMatch(Webhooks.EVENTS::contains)) {
            errors.add("events", "webhook.events.none");
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(me, model, csrf, form, errors);
        }
        var created = webhooks.create(me.email(), org, form.url(), form.events());
        return secret(model, response, created.getKey(), created.getValue());
    }

    @GetMapping(LIST + "/{id}")
    String log(@AuthenticationPrincipal StaffMember me, @PathVariable long id, Model model, CsrfToken csrf) {
        long org = PartnerAccess.organisationOf(me);
        model.addAttribute("endpoint", WebhookLine.of(mine(org, id)));
        model.addAttribute("deliveries", webhooks.deliveries(org, id, LOG));
        model.addAttribute("csrf", csrf);
        return "partner/webhook-log";
    }

    @PostMapping(LIST + "/{id}/rotate")
    String rotate(
            @AuthenticationPrincipal StaffMember me, @PathVariable long id, Model model, HttpServletResponse response) {
        String secret = webhooks.rotate(me.email(), PartnerAccess.organisationOf(me), id)
                .orElseThrow(() -> PageNotFound.of("webhook", String.valueOf(id)));
        return secret(model, response, id, secret);
    }

    @PostMapping(LIST + "/{id}/end-rotation")
    String endRotation(@AuthenticationPrincipal StaffMember me, @PathVariable long id, HttpServletResponse response) {
        found(webhooks.endRotation(me.email(), PartnerAccess.organisationOf(me), id), id);
        return Redirects.seeOther(response, LIST);
    }

    @PostMapping(LIST + "/{id}/disable")
    String disable(@AuthenticationPrincipal StaffMember me, @PathVariable long id, HttpServletResponse response) {
        found(webhooks.setEnabled(me.email(), PartnerAccess.organisationOf(me), id, false), id);
        return Redirects.seeOther(response, LIST);
    }

    @PostMapping(LIST + "/{id}/enable")
    String enable(@AuthenticationPrincipal StaffMember me, @PathVariable long id, HttpServletResponse response) {
        found(webhooks.setEnabled(me.email(), PartnerAccess.organisationOf(me), id, true), id);
        return Redirects.seeOther(response, LIST);
    }

    @PostMapping(LIST + "/{id}/deliveries/{delivery}/replay")
    String replay(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable long id,
            @PathVariable long delivery,
            HttpServletResponse response) {
        long org = PartnerAccess.organisationOf(me);
        mine(org, id);
        webhooks.replay(me.email(), org, id, delivery);
        return Redirects.seeOther(response, LIST + "/" + id);
    }

    private WebhookRepository.Endpoint mine(long org, long id) {
        return webhooks.endpoint(org, id).orElseThrow(() -> PageNotFound.of("webhook", String.valueOf(id)));
    }

    private static void found(boolean found, long id) {
        if (!found) {
            throw PageNotFound.of("webhook", String.valueOf(id));
        }
    }

    private String secret(Model model, HttpServletResponse response, long id, String secret) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("id", id);
        model.addAttribute("secret", secret);
        return "partner/webhook-secret";
    }

    private String page(StaffMember me, Model model, CsrfToken csrf, WebhookForm form, FormErrors errors) {
        model.addAttribute(
                "endpoints",
                webhooks.endpoints(PartnerAccess.organisationOf(me)).stream()
                        .map(WebhookLine::of)
                        .toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("events", Webhooks.EVENTS);
        model.addAttribute("csrf", csrf);
        return "partner/webhooks";
    }
}

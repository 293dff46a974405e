package org.keephope.delivery;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.security.Principal;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keephope.campaign.CampaignView;
import org.keephope.target.CampaignTarget;
import org.keephope.target.Targets;
import org.keephope.web.FormErrors;
import org.keephope.web.Redirects;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A campaign's delivery screen: download the package (per target or for all, PDF or CSV, each language),
 * the packages made so far with their SHA-256.
 */
@Controller
class AdminDeliveryController {

    private final Deliveries deliveries;
    private final Responses responses;
    private final Targets targets;
    private final java.time.Clock clock;

    AdminDeliveryController(Deliveries deliveries, Responses responses, Targets targets, java.time.Clock clock) {
        this.deliveries = deliveries;
        this.responses = responses;
        this.targets = targets;
        this.clock = clock.withZone(java.time.ZoneOffset.UTC);
    }

    @GetMapping("/admin/campaigns/{slug}/delivery")
    String show(
            @PathVariable String slug,
            @RequestParam(required = false) String recorded,
            @RequestParam(required = false) String delivered,
            @RequestParam(required = false) String responded,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        model.addAttribute(
                "notice", recorded != null ? "delivery.recorded" : delivered != null ? "delivery.delivered" : null);
        return page(slug, locale, model, csrf, allInPdf(locale), Map.of());
    }

    @PostMapping("/admin/campaigns/{slug}/delivery/records")
    String record(
            @PathVariable String slug,
            @Valid @ModelAttribute("record") DeliveryForm form,
            BindingResult binding,
            Principal staff,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        FormErrors errors = FormErrors.of(binding);
        deliveries.problems(slug, form).forEach(errors::add);
        return save(
                slug,
                errors,
                () -> deliveries.record(slug, form, staff.getName()),
                "recorded#records",
                "record",
                form,
                new Page(locale, model, csrf, response));
    }

    @PostMapping("/admin/campaigns/{slug}/delivery/responses")
    String respond(
            @PathVariable String slug,
            @Valid @ModelAttribute("response") ResponseForm form,
            BindingResult binding,
            Principal staff,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        FormErrors errors = FormErrors.of(binding);
        responses.problems(slug, form).forEach(errors::add);
        return save(
                slug,
                errors,
                () -> responses.record(slug, form, staff.getName()),
                "responded#responses",
                "response",
                form,
                new Page(locale, model, csrf, response));
    }

    private record Page(Locale locale, Model model, CsrfToken csrf, HttpServletResponse response) {}

    /**
     * Saves a staff form that passed its checks and sees the page again at {@code after}; otherwise (or when
     * saving finds it invalid after all) shows the page with the form's errors under {@code name}.
     */
    private String save(
            String slug, FormErrors errors, Runnable saving, String after, String name, Object form, Page page) {
        if (errors.isEmpty()) {
            try {
                saving.run();
                return Redirects.seeOther(page.response(), "/admin/campaigns/" + slug + "/delivery?" + after);
            } catch (Deliveries.Invalid invalid) {
                invalid.errors().forEach(errors::add);
            }
        }
        page.response().setStatus(422);
        page.model().addAttribute(name, form);
        page.model().addAttribute(name + "Errors", errors);
        return page(slug, page.locale(), page.model(), page.csrf(), allInPdf(page.locale()), Map.of());
    }

    /** What the package form offers first: all targets, in the reader's language, as a PDF. */
    private static PackageChoice allInPdf(Locale locale) {
        return new PackageChoice("all", locale.getLanguage(), "pdf", false);
    }

    @PostMapping("/admin/campaigns/{slug}/delivery/delivered")
    String delivered(
            @PathVariable String slug,
            Principal staff,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        try {
            deliveries.markDelivered(slug, staff.getName());
            return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/delivery?delivered#records");
        } catch (Deliveries.Invalid invalid) {
            response.setStatus(409);
            model.addAttribute("deliveredError", invalid.errors().get("delivered"));
            return page(slug, locale, model, csrf, allInPdf(locale), Map.of());
        }
    }

    @GetMapping("/admin/campaigns/{slug}/delivery/package")
    String download(
            @PathVariable String slug,
            @RequestParam(defaultValue = "all") String target,
            @RequestParam(defaultValue = "en") String language,
            @RequestParam(defaultValue = "pdf") String format,
            @RequestParam(required = false) String signers,
            Principal staff,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response)
            throws IOException {
        var choice = new PackageChoice(target, language, format, signers != null);
        Map<String, String> errors = new LinkedHashMap<>();
        Long targetId = null;
        if (!"all".equals(target)) {
            if (target.matches("[0-9]{1,18}")) {
                targetId = Long.valueOf(target);
            } else {
                errors.put("target", "target.error.unknown");
            }
        }
        if (errors.isEmpty()) {
            try {
                var made = deliveries.makePackage(slug, targetId, language, format, signers != null, staff.getName());
                response.setContentType(made.contentType());
                response.setHeader("Content-Disposition", "attachment; filename=\"" + made.fileName() + "\"");
                response.setHeader("Cache-Control", "no-store");
                response.setHeader(
                        "Repr-Digest",
                        "sha-256=:"
                                + Base64.getEncoder()
                                        .encodeToString(HexFormat.of().parseHex(made.sha256())) + ":");
                response.setContentLength(made.bytes().length);
                response.getOutputStream().write(made.bytes());
                return null;
            } catch (Deliveries.Invalid invalid) {
                errors.putAll(invalid.errors());
            }
        }
        response.setStatus(422);
        return page(slug, locale, model, csrf, choice, errors);
    }

    String page(
            String slug, Locale locale, Model model, CsrfToken csrf, PackageChoice choice, Map<String, String> errors) {
        if (csrf != null) {
            csrf.getToken(); // load the deferred token now: a long page is sent before its forms are reached
        }
        CampaignView campaign = deliveries.campaign(slug, locale);
        List<CampaignTarget> asked = targets.forCampaign(campaign.id(), locale);
        Map<Long, String> names = new LinkedHashMap<>();
        asked.forEach(t -> names.put(t.target().id(), t.target().name()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("targets", asked);
        model.addAttribute("targetNames", names);
        List<Deliveries.MadePackage> packages = deliveries.packages(campaign.id());
        model.addAttribute("packages", packages);
        model.addAttribute("records", deliveries.records(campaign.id()));
        if (!model.containsAttribute("record")) {
            model.addAttribute(
                    "record",
                    DeliveryForm.empty(
                            java.time.LocalDate.now(clock).toString(),
                            packages.isEmpty() ? "" : packages.get(0).sha256()));
            model.addAttribute("recordErrors", FormErrors.none());
        }
        model.addAttribute("responses", responses.forCampaign(campaign.id()));
        if (!model.containsAttribute("responseErrors")) {
            model.addAttribute(
                    "response",
                    ResponseForm.empty(java.time.LocalDate.now(clock).toString(), locale.getLanguage()));
            model.addAttribute("responseErrors", FormErrors.none());
        }
        if (!model.containsAttribute("deliveredError")) {
            model.addAttribute("deliveredError", null);
        }
        model.addAttribute("choice", choice);
        model.addAttribute("errors", errors);
        model.addAttribute("csrf", csrf);
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        return "delivery/admin";
    }
}

package org.keephope.delivery;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A campaign's delivery screen: download the package (per target or for all, PDF or CSV, each language),
 * the packages made so far with their SHA-256.
 */
@Controller
class AdminDeliveryController {

    private final Deliveries deliveries;
    private final Targets targets;

    AdminDeliveryController(Deliveries deliveries, Targets targets) {
        this.deliveries = deliveries;
        this.targets = targets;
    }

    @GetMapping("/admin/campaigns/{slug}/delivery")
    String show(@PathVariable String slug, Locale locale, Model model, CsrfToken csrf) {
        return page(slug, locale, model, csrf, new PackageChoice("all", locale.getLanguage(), "pdf", false), Map.of());
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
        CampaignView campaign = deliveries.campaign(slug, locale);
        List<CampaignTarget> asked = targets.forCampaign(campaign.id(), locale);
        Map<Long, String> names = new LinkedHashMap<>();
        asked.forEach(t -> names.put(t.target().id(), t.target().name()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("targets", asked);
        model.addAttribute("targetNames", names);
        model.addAttribute("packages", deliveries.packages(campaign.id()));
        model.addAttribute("choice", choice);
        model.addAttribute("errors", errors);
        model.addAttribute("csrf", csrf);
        return "delivery/admin";
    }
}

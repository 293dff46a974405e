package org.keephope.target;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.Campaigns;
import org.keephope.web.PageNotFound;
import org.keephope.web.Redirects;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Whom a campaign asks, on a screen of the campaign's staff pages (linked from its edit screen): order, note,
 * fallback targets, remove, add one from the directory.
 */
@Controller
class AdminCampaignTargetController {

    private final Campaigns campaigns;
    private final Targets targets;

    AdminCampaignTargetController(Campaigns campaigns, Targets targets) {
        this.campaigns = campaigns;
        this.targets = targets;
    }

    @GetMapping("/admin/campaigns/{slug}/targets")
    String show(
            @PathVariable String slug,
            @RequestParam(required = false) String saved,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        CampaignRef campaign = find(slug);
        List<CampaignTargetLine> lines = targets.forCampaignStaff(campaign.id(), locale).stream()
                .map(t -> CampaignTargetLine.of(t, "" + t.position(), t.note() == null ? "" : t.note(), t.fallback()))
                .toList();
        model.addAttribute("saved", saved != null);
        return page(campaign, lines, Map.of(), locale, model, csrf);
    }

    @PostMapping("/admin/campaigns/{slug}/targets")
    String save(
            @PathVariable String slug,
            @RequestParam Map<String, String> params,
            Principal staff,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        CampaignRef campaign = find(slug);
        List<CampaignTarget> current = targets.forCampaignStaff(campaign.id(), locale);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Targets.LinkEdit> edits = new ArrayList<>();
        List<CampaignTargetLine> lines = new ArrayList<>();
        int last = 0;
        for (CampaignTarget t : current) {
            long id = t.target().id();
            String position =
                    params.getOrDefault("position_" + id, "" + t.position()).strip();
            String note = params.getOrDefault("note_" + id, "");
            boolean fallback = params.containsKey("fallback_" + id);
            lines.add(CampaignTargetLine.of(t, position, note, fallback));
            if (params.containsKey("remove_" + id)) {
                continue;
            }
            Integer order = number(position);
            if (order == null) {
                errors.put("position_" + id, "target.error.position");
            } else if (note.length() > 1000) {
                errors.put("note_" + id, "form.error.tooLong");
            } else {
                edits.add(new Targets.LinkEdit(id, order, note, fallback));
                last = Math.max(last, order);
            }
        }
        String add = params.getOrDefault("add", "").strip();
        if (!add.isEmpty()) {
            Long id = add.matches("[0-9]{1,18}") ? Long.valueOf(add) : null;
            var target = id == null ? null : targets.forEditing(id).orElse(null);
            if (target == null || !target.data().active()) {
                errors.put("add", "target.error.unknown");
            } else if (current.stream().anyMatch(t -> t.target().id() == target.id())) {
                errors.put("add", "target.error.alreadyAsked");
            } else {
                edits.add(new Targets.LinkEdit(target.id(), last + 1, null, false));
            }
        }
        if (errors.isEmpty()) {
            try {
                targets.setCampaignTargets(campaign.id(), edits, staff.getName());
                return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/targets?saved");
            } catch (Targets.Invalid invalid) {
                errors.putAll(invalid.errors());
            }
        }
        response.setStatus(422);
        model.addAttribute("saved", false);
        return page(campaign, lines, errors, locale, model, csrf);
    }

    private String page(
            CampaignRef campaign,
            List<CampaignTargetLine> lines,
            Map<String, String> errors,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        var asked = lines.stream().map(CampaignTargetLine::id).toList();
        model.addAttribute("slug", campaign.slug());
        model.addAttribute("lines", lines);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "available",
                targets.all().stream()
                        .filter(t -> t.data().active() && !asked.contains(t.id()))
                        .map(t -> Targets.publicView(t, locale))
                        .toList());
        model.addAttribute("csrf", csrf);
        return "target/admin-campaign";
    }

    private static Integer number(String s) {
        return s.matches("[0-9]{1,6}") ? Integer.valueOf(s) : null;
    }

    private CampaignRef find(String slug) {
        return campaigns.ref(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
    }
}

package org.keephope.partner;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Member;
import org.keephope.web.PageNotFound;
import org.keephope.web.Redirects;
import org.keephope.web.SiteProperties;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A campaign's partners, for staff: which coalition members collect supporters (a consent box each on the
 * sign form), their consent texts per language (an edit is a new version), the origin each may embed the
 * form from, the figures per partner and the snippet to paste.
 */
@Controller
class AdminPartnerController {

    private final Campaigns campaigns;
    private final Partners partners;
    private final SiteProperties site;

    AdminPartnerController(Campaigns campaigns, Partners partners, SiteProperties site) {
        this.campaigns = campaigns;
        this.partners = partners;
        this.site = site;
    }

    @GetMapping("/admin/campaigns/{slug}/partners")
    String show(
            @PathVariable String slug,
            @RequestParam(required = false) String saved,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        CampaignView campaign = find(slug, locale);
        List<SettingLine> lines = new ArrayList<>();
        for (Member m : campaign.members()) {
            var s = partners.setting(campaign.id(), m.organisation(), locale);
            lines.add(new SettingLine(
                    m.organisation().id(),
                    m.organisation().slug(),
                    m.organisation().name(),
                    s.collects(),
                    s.embedOrigin() == null ? "" : s.embedOrigin(),
                    s.texts()));
        }
        model.addAttribute("saved", saved != null);
        return page(campaign, lines, Map.of(), model, csrf);
    }

    @PostMapping("/admin/campaigns/{slug}/partners")
    String save(
            @PathVariable String slug,
            @RequestParam Map<String, String> params,
            Principal staff,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        CampaignView campaign = find(slug, locale);
        Map<String, String> errors = new LinkedHashMap<>();
        List<SettingLine> lines = new ArrayList<>();
        Map<Long, String> origins = new LinkedHashMap<>();
        // only the members the form showed are saved: a member added since, or a form posted without the
        // list, changes nothing (an unticked box is otherwise indistinguishable from one never shown)
        java.util.Set<String> shown = new java.util.HashSet<>(
                List.of(params.getOrDefault("members", "").strip().split("[\\s,]+")));
        List<Member> saving = campaign.members().stream()
                .filter(m -> shown.contains(Long.toString(m.organisation().id())))
                .toList();
        for (Member m : saving) {
            long id = m.organisation().id();
            String origin = params.getOrDefault("origin_" + id, "").strip();
            Map<String, String> texts = new LinkedHashMap<>();
            for (String l : Partners.LOCALES) {
                String text = params.getOrDefault("text_" + l + "_" + id, "").strip();
                texts.put(l, text);
                if (text.length() > 500 || text.chars().anyMatch(c -> c < 0x20)) {
                    errors.put("text_" + l + "_" + id, "partner.error.text");
                }
            }
            boolean collects = params.containsKey("collects_" + id);
            lines.add(new SettingLine(
                    id, m.organisation().slug(), m.organisation().name(), collects, origin, texts));
            try {
                origins.put(id, Partners.origin(origin).orElse(null));
            } catch (IllegalArgumentException e) {
                errors.put("origin_" + id, e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(campaign, lines, errors, model, csrf);
        }
        for (int i = 0; i < lines.size(); i++) {
            SettingLine line = lines.get(i);
            partners.configure(
                    campaign.id(),
                    saving.get(i).organisation(),
                    line.collects(),
                    origins.get(line.id()),
                    line.texts(),
                    staff.getName());
        }
        return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/partners?saved");
    }

    private String page(
            CampaignView campaign, List<SettingLine> lines, Map<String, String> errors, Model model, CsrfToken csrf) {
        model.addAttribute("slug", campaign.slug());
        model.addAttribute("title", campaign.title());
        model.addAttribute("lines", lines);
        model.addAttribute("errors", errors);
        model.addAttribute("figures", partners.lines(campaign.id()));
        model.addAttribute("embedUrl", site.absolute("/embed/campaigns/" + campaign.slug()));
        model.addAttribute("resizeUrl", site.absolute("/embed/resize.js"));
        model.addAttribute("csrf", csrf);
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", false);
        }
        return "partner/admin";
    }

    private CampaignView find(String slug, Locale locale) {
        return campaigns.findForPreview(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug));
    }
}

package org.keephope.signature;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.keephope.campaign.CampaignSummary;
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

/** Staff screens for signatures: the comment moderation queue, finding and erasing, the CSV export. */
@Controller
class AdminSignatureController {

    private final StaffSignatures staff;
    private final Campaigns campaigns;

    AdminSignatureController(StaffSignatures staff, Campaigns campaigns) {
        this.staff = staff;
        this.campaigns = campaigns;
    }

    @GetMapping("/admin/moderation")
    String moderation(Locale locale, Model model, CsrfToken csrf) {
        model.addAttribute("comments", staff.commentsWaiting(200));
        model.addAttribute("titles", titles(locale));
        model.addAttribute("csrf", csrf);
        return "admin/moderation";
    }

    @PostMapping("/admin/moderation/{id}/{decision}")
    String moderate(
            @PathVariable UUID id, @PathVariable String decision, Principal staffMember, HttpServletResponse response) {
        if (!decision.equals("approve") && !decision.equals("reject")) {
            throw PageNotFound.of("decision", decision);
        }
        staff.moderate(id, decision.equals("approve"), staffMember.getName());
        return Redirects.seeOther(response, "/admin/moderation");
    }

    /** The search form; an address never travels in the URL (it would end in logs and the history). */
    @GetMapping("/admin/signatures")
    String searchForm(@RequestParam(required = false) Boolean erased, Locale locale, Model model, CsrfToken csrf) {
        return searchPage(model, locale, csrf, erased, "", false, null);
    }

    /** Finds the signatures of one exact address: a POST, so the address is in no URL or access log. */
    @PostMapping("/admin/signatures")
    String find(
            @RequestParam(required = false) String email,
            Locale locale,
            Principal staffMember,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        String query = email == null ? "" : email.strip();
        boolean valid = query.length() <= 254 && query.matches("[^\\s@]+@[^\\s@]+");
        if (!valid) {
            response.setStatus(422);
            return searchPage(model, locale, csrf, null, query, true, null);
        }
        response.setHeader("Cache-Control", "no-store");
        return searchPage(model, locale, csrf, null, query, false, staff.findByEmail(query, staffMember.getName()));
    }

    private String searchPage(
            Model model,
            Locale locale,
            CsrfToken csrf,
            Boolean erased,
            String email,
            boolean error,
            java.util.List<StaffSignatures.Found> found) {
        model.addAttribute("erased", erased);
        model.addAttribute("email", email);
        model.addAttribute("error", error);
        model.addAttribute("found", found);
        model.addAttribute("titles", titles(locale));
        model.addAttribute("csrf", csrf);
        return "admin/signatures";
    }

    @PostMapping("/admin/signatures/{id}/erase")
    String erase(@PathVariable UUID id, Principal staffMember, HttpServletResponse response) {
        boolean erased = staff.erase(id, staffMember.getName());
        return Redirects.seeOther(response, "/admin/signatures?erased=" + erased);
    }

    @GetMapping("/admin/campaigns/{slug}/signatures.csv")
    void export(@PathVariable String slug, Principal staffMember, HttpServletResponse response) throws IOException {
        var campaign = campaigns.ref(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + slug + "-signatures.csv\"");
        response.setHeader("Cache-Control", "no-store");
        var out = new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        staff.exportCsv(campaign.id(), out, staffMember.getName());
        out.flush();
    }

    private Map<Long, String> titles(Locale locale) {
        return campaigns.all(locale).stream().collect(Collectors.toMap(CampaignSummary::id, CampaignSummary::title));
    }
}

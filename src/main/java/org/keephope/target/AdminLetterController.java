package org.keephope.target;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.Campaigns;
import org.keephope.web.PageNotFound;
import org.keephope.web.Redirects;
import org.keephope.web.SupportedLocales;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A campaign's letters, for staff: the mode, the letter in each language, and per target what is queued, sent and
 * bounced, its sending rules (window, hours, caps, pause) and cancelling what is queued.
 */
@Controller
class AdminLetterController {

    private final Campaigns campaigns;
    private final StaffLetters staff;
    private final Letters letters;
    private final Validator validator;

    AdminLetterController(Campaigns campaigns, StaffLetters staff, Letters letters, Validator validator) {
        this.campaigns = campaigns;
        this.staff = staff;
        this.letters = letters;
        this.validator = validator;
    }

    @GetMapping("/admin/campaigns/{slug}/letters")
    String show(
            @PathVariable String slug,
            @RequestParam(required = false) String saved,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        CampaignRef campaign = find(slug);
        Map<String, LetterForm> texts = new LinkedHashMap<>();
        for (Locale l : SupportedLocales.ALL) {
            texts.put(
                    l.getLanguage(),
                    letters.ownTemplate(campaign.id(), l.getLanguage()).orElse(new LetterForm("", "", false)));
        }
        model.addAttribute("saved", saved != null);
        return page(
                campaign,
                staff.campaignMode(campaign.id()).value(),
                texts,
                Map.of(),
                null,
                Map.of(),
                locale,
                model,
                csrf);
    }

    @PostMapping("/admin/campaigns/{slug}/letters")
    String save(
            @PathVariable String slug,
            @RequestParam Map<String, String> params,
            Principal principal,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        CampaignRef campaign = find(slug);
        Map<String, String> errors = new LinkedHashMap<>();
        String modeValue = params.getOrDefault("mode", "");
        LetterMode mode = LetterMode.of(modeValue);
        if (mode == null) {
            errors.put("mode", "letters.error.mode");
        }
        Map<String, LetterForm> texts = new LinkedHashMap<>();
        for (Locale l : SupportedLocales.ALL) {
            String language = l.getLanguage();
            LetterForm form = new LetterForm(
                    params.getOrDefault("subject_" + language, ""), params.getOrDefault("text_" + language, ""), true);
            texts.put(language, form);
            if (form.subject().isBlank() && form.text().isBlank()) {
                continue; // no letter of its own in this language: the English one, or the built-in one
            }
            for (var violation : validator.validate(form)) {
                String field = violation.getPropertyPath().toString();
                errors.putIfAbsent(("subject".equals(field) ? "subject_" : "text_") + language, violation.getMessage());
            }
        }
        if (errors.isEmpty()) {
            staff.saveLetter(campaign.id(), mode, texts, principal.getName());
            return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/letters?saved");
        }
        response.setStatus(422);
        model.addAttribute("saved", false);
        return page(campaign, modeValue, texts, errors, null, Map.of(), locale, model, csrf);
    }

    @PostMapping("/admin/campaigns/{slug}/letters/{targetId}")
    String saveSending(
            @PathVariable String slug,
            @PathVariable long targetId,
            @RequestParam Map<String, String> params,
            Principal principal,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        CampaignRef campaign = find(slug);
        requireTarget(campaign, targetId, locale);
        SendingForm form = new SendingForm(
                params.get("windowStart"),
                params.get("windowEnd"),
                params.get("hourFrom"),
                params.get("hourTo"),
                params.get("hourlyCap"),
                params.get("totalCap"),
                params.containsKey("paused"),
                params.containsKey("digest"));
        Map<String, String> errors = staff.saveSending(campaign.id(), targetId, form, principal.getName());
        if (errors.isEmpty()) {
            return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/letters?saved#target-" + targetId);
        }
        response.setStatus(422);
        model.addAttribute("saved", false);
        Map<String, LetterForm> texts = new LinkedHashMap<>();
        for (Locale l : SupportedLocales.ALL) {
            texts.put(
                    l.getLanguage(),
                    letters.ownTemplate(campaign.id(), l.getLanguage()).orElse(new LetterForm("", "", false)));
        }
        return page(
                campaign,
                staff.campaignMode(campaign.id()).value(),
                texts,
                Map.of(),
                targetId,
                Map.of("form", form, "errors", errors),
                locale,
                model,
                csrf);
    }

    @PostMapping("/admin/campaigns/{slug}/letters/{targetId}/cancel")
    String cancel(
            @PathVariable String slug,
            @PathVariable long targetId,
            Principal principal,
            Locale locale,
            HttpServletResponse response) {
        CampaignRef campaign = find(slug);
        requireTarget(campaign, targetId, locale);
        staff.cancel(campaign.id(), targetId, principal.getName());
        return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/letters?saved#target-" + targetId);
    }

    private String page(
            CampaignRef campaign,
            String mode,
            Map<String, LetterForm> texts,
            Map<String, String> errors,
            Long editedTarget,
            Map<String, Object> edited,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        model.addAttribute("slug", campaign.slug());
        model.addAttribute("mode", mode);
        model.addAttribute("globalMode", staff.globalMode().value());
        model.addAttribute("effectiveMode", letters.mode(campaign.id()).value());
        model.addAttribute("texts", texts);
        model.addAttribute("errors", errors);
        model.addAttribute("lines", staff.lines(campaign.id(), locale));
        model.addAttribute("editedTarget", editedTarget);
        model.addAttribute("editedForm", edited.get("form"));
        @SuppressWarnings("unchecked")
        Map<String, String> sendingErrors = (Map<String, String>) edited.getOrDefault("errors", Map.of());
        model.addAttribute("sendingErrors", sendingErrors);
        model.addAttribute("maxText", LetterForm.MAX_TEXT);
        model.addAttribute("csrf", csrf);
        return "target/admin-letters";
    }

    private void requireTarget(CampaignRef campaign, long targetId, Locale locale) {
        if (staff.lines(campaign.id(), locale).stream()
                .noneMatch(l -> l.target().id() == targetId)) {
            throw PageNotFound.of("target", "" + targetId);
        }
    }

    private CampaignRef find(String slug) {
        return campaigns.ref(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
    }
}

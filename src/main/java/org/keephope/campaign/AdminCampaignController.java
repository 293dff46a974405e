package org.keephope.campaign;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import org.keephope.coalition.Organisations;
import org.keephope.media.Media;
import org.keephope.media.MediaRefused;
import org.keephope.web.PageNotFound;
import org.keephope.web.Redirects;
import org.keephope.web.SupportedLocales;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff screens for campaigns: list, create, edit, preview, lifecycle, translation, coalition. */
@Controller
class AdminCampaignController {

    private final Campaigns campaigns;
    private final CampaignEditing editing;
    private final Organisations organisations;
    private final Media media;

    AdminCampaignController(Campaigns campaigns, CampaignEditing editing, Organisations organisations, Media media) {
        this.campaigns = campaigns;
        this.editing = editing;
        this.organisations = organisations;
        this.media = media;
    }

    @GetMapping("/admin/campaigns")
    String list(Locale locale, Model model) {
        model.addAttribute("campaigns", campaigns.all(locale));
        return "admin/campaigns";
    }

    @GetMapping("/admin/campaigns/new")
    String newForm(Model model, CsrfToken csrf) {
        return form(CampaignForm.empty(), Map.of(), true, null, model, csrf);
    }

    @PostMapping("/admin/campaigns")
    String create(
            @RequestParam Map<String, String> params,
            Principal staff,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        CampaignForm form = CampaignForm.from(params);
        var saved = editing.create(form, staff.getName());
        if (!saved.ok()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(form, saved.errors(), true, null, model, csrf);
        }
        return Redirects.seeOther(response, "/admin/campaigns/" + saved.slug() + "/edit?saved");
    }

    @GetMapping("/admin/campaigns/{slug}/edit")
    String edit(@PathVariable String slug, @RequestParam Map<String, String> params, Model model, CsrfToken csrf) {
        CampaignForm form = editing.form(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
        String notice = params.containsKey("saved")
                ? "admin.saved"
                : params.containsKey("translated")
                        ? "admin.translated"
                        : params.containsKey("translationInvalid")
                                ? "admin.translationInvalid"
                                : params.containsKey("notReopened") ? "admin.notReopened" : null;
        model.addAttribute("notice", notice);
        return form(form, Map.of(), false, slug, model, csrf);
    }

    @PostMapping("/admin/campaigns/{slug}")
    String update(
            @PathVariable String slug,
            @RequestParam Map<String, String> params,
            Principal staff,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        editing.status(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
        CampaignForm form = CampaignForm.from(params);
        var saved = editing.update(slug, form, staff.getName());
        if (!saved.ok()) {
            response.setStatus(
                    saved.errors().containsKey("version")
                            ? HttpStatus.CONFLICT.value()
                            : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(form, saved.errors(), false, slug, model, csrf);
        }
        return Redirects.seeOther(response, "/admin/campaigns/" + saved.slug() + "/edit?saved");
    }

    @PostMapping("/admin/campaigns/{slug}/status")
    String move(
            @PathVariable String slug, @RequestParam String transition, Principal staff, HttpServletResponse response) {
        editing.status(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
        CampaignEditing.Transition move;
        try {
            move = CampaignEditing.Transition.valueOf(transition);
        } catch (IllegalArgumentException e) {
            throw PageNotFound.of("transition", transition);
        }
        if (!editing.move(slug, move, staff.getName()) && move == CampaignEditing.Transition.REOPEN) {
            return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/edit?notReopened#status");
        }
        return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/edit");
    }

    @GetMapping("/admin/campaigns/{slug}/preview")
    String preview(@PathVariable String slug, Locale locale, Model model) {
        model.addAttribute(
                "campaign",
                campaigns.findForPreview(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug)));
        return "admin/campaign-preview";
    }

    /** An image for the campaign: checked by content and re-encoded without metadata by the media module. */
    @PostMapping("/admin/campaigns/{slug}/image")
    String uploadImage(
            @PathVariable String slug,
            @RequestParam(name = "imageFile", required = false) org.springframework.web.multipart.MultipartFile file,
            @RequestParam(name = "uploadAlt", required = false) String alt,
            Principal staff,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response)
            throws java.io.IOException {
        CampaignForm form = editing.form(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
        String error;
        if (file == null || file.isEmpty()) {
            error = "media.error.empty";
        } else if (file.getSize() > Media.MAX_BYTES) {
            error = "media.error.tooLarge";
        } else {
            try {
                String path = media.store(file.getInputStream(), staff.getName(), "image of campaign " + slug);
                editing.setImage(slug, path, alt, staff.getName());
                return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/edit?saved");
            } catch (MediaRefused refused) {
                error = refused.messageKey();
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(form, Map.of("imageFile", error), false, slug, model, csrf);
    }

    @PostMapping("/admin/campaigns/{slug}/translations/{language}")
    String translate(
            @PathVariable String slug,
            @PathVariable String language,
            @RequestParam Map<String, String> params,
            Principal staff,
            HttpServletResponse response) {
        Locale locale = SupportedLocales.match(language)
                .filter(l -> !l.equals(SupportedLocales.ENGLISH))
                .orElseThrow(() -> PageNotFound.of("language", language));
        editing.status(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
        boolean ok = editing.translate(
                slug, locale, params.get("title"), params.get("summary"), params.get("body"), staff.getName());
        return Redirects.seeOther(
                response,
                "/admin/campaigns/" + slug + "/edit?" + (ok ? "translated" : "translationInvalid") + "#translation");
    }

    @PostMapping("/admin/campaigns/{slug}/members")
    String addMember(
            @PathVariable String slug,
            @RequestParam String organisation,
            @RequestParam String role,
            @RequestParam(defaultValue = "0") String position,
            Principal staff,
            HttpServletResponse response) {
        editing.status(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
        MemberRole memberRole = "LEAD".equals(role) ? MemberRole.LEAD : MemberRole.SUPPORTER;
        int order = position.matches("\\d{1,4}") ? Integer.parseInt(position) : 0;
        editing.addMember(slug, organisation, memberRole, order, staff.getName());
        return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/edit#coalition");
    }

    @PostMapping("/admin/campaigns/{slug}/members/{organisation}/remove")
    String removeMember(
            @PathVariable String slug,
            @PathVariable String organisation,
            Principal staff,
            HttpServletResponse response) {
        editing.status(slug).orElseThrow(() -> PageNotFound.of("campaign", slug));
        editing.removeMember(slug, organisation, staff.getName());
        return Redirects.seeOther(response, "/admin/campaigns/" + slug + "/edit#coalition");
    }

    private String form(
            CampaignForm form, Map<String, String> errors, boolean creating, String slug, Model model, CsrfToken csrf) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.asMap().putIfAbsent("notice", null);
        model.addAttribute("creating", creating);
        model.addAttribute("csrf", csrf);
        model.addAttribute("status", slug == null ? null : editing.status(slug).orElse(null));
        model.addAttribute("currentSlug", slug);
        model.addAttribute("russian", slug == null ? null : editing.translation(slug, SupportedLocales.RUSSIAN));
        model.addAttribute(
                "members",
                slug == null
                        ? null
                        : campaigns
                                .findForPreview(slug, Locale.ENGLISH)
                                .map(CampaignView::members)
                                .orElse(null));
        model.addAttribute("organisations", organisations.all());
        return "admin/campaign-form";
    }
}

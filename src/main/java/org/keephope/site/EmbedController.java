package org.keephope.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.partner.Partners;
import org.keephope.signature.SignForm;
import org.keephope.signature.SignSubmission;
import org.keephope.signature.Signing;
import org.keephope.web.Framing;
import org.keephope.web.PageNotFound;
import org.keephope.web.PublicPageCache;
import org.keephope.web.Redirects;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The embeddable sign form, {@code /embed/campaigns/{slug}}: the form and the count alone, in the language of
 * {@code ?lang=} (or the browser's), attribution from {@code ?src=}. No cookie, no session, no JavaScript
 * needed; its pages may be framed by the origins configured for that campaign's partners and by no one else.
 * Errors come back in the frame, and success leads to a "check your email" page in the frame.
 */
@Controller
class EmbedController {

    private final Campaigns campaigns;
    private final Signing signing;
    private final Partners partners;
    private final MessageSource messages;

    EmbedController(Campaigns campaigns, Signing signing, Partners partners, MessageSource messages) {
        this.campaigns = campaigns;
        this.signing = signing;
        this.partners = partners;
        this.messages = messages;
    }

    @GetMapping("/embed/campaigns/{slug}")
    String form(
            @PathVariable String slug,
            @RequestParam(required = false) String src,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        CampaignView campaign = find(slug, locale);
        framing(campaign.id(), response);
        model.addAttribute("consent", partners.consentBoxes(campaign.id(), locale, src));
        String view = render(campaign, signing.emptyForm(), Map.of(), null, locale, model);
        // cacheable like the campaign page (PublicPageCache): any recent stamp is good
        if (model.getAttribute("sign") instanceof org.keephope.signature.SignPanel panel) {
            request.setAttribute(PublicPageCache.VOLATILE, panel.form().stamp());
        }
        return view;
    }

    @PostMapping("/embed/campaigns/{slug}/sign")
    String sign(
            @PathVariable String slug,
            @RequestParam Map<String, String> params,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        SignSubmission submitted = signing.submit(
                request,
                () -> {
                    var target =
                            campaigns.signingTarget(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug));
                    framing(target.ref().id(), response);
                    return target;
                },
                params,
                "/embed/campaigns/" + slug,
                locale);
        SignForm form = submitted.form();
        if (submitted.result() == SignSubmission.Result.ACCEPTED) {
            return Redirects.seeOther(
                    response, "/embed/campaigns/" + slug + "/check-email?lang=" + locale.getLanguage());
        }
        if (submitted.result() == SignSubmission.Result.RATE_LIMITED) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("status", 429);
            model.addAttribute("kind", "429");
            return "error/page";
        }
        model.addAttribute(
                "consent",
                partners.consentBoxes(submitted.campaign().id(), locale, params.get("src"))
                        .as(params));
        return again(
                slug,
                form,
                submitted.errors(),
                submitted.result().notice(),
                HttpStatus.valueOf(submitted.result().status()),
                locale,
                model,
                response);
    }

    @GetMapping("/embed/campaigns/{slug}/check-email")
    String checkEmail(@PathVariable String slug, Locale locale, Model model, HttpServletResponse response) {
        CampaignView campaign = find(slug, locale);
        framing(campaign.id(), response);
        model.addAttribute("campaign", campaign);
        return "pages/embed-check-email";
    }

    private void framing(long campaignId, HttpServletResponse response) {
        Framing.allowOnlyFrom(response, partners.embedOrigins(campaignId));
    }

    private String again(
            String slug,
            SignForm form,
            Map<String, String> errors,
            String noticeKey,
            HttpStatus status,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        response.setStatus(status.value());
        return render(find(slug, locale), form, errors, messages.getMessage(noticeKey, null, locale), locale, model);
    }

    private CampaignView find(String slug, Locale locale) {
        return campaigns.findPublic(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug));
    }

    private String render(
            CampaignView campaign,
            SignForm form,
            Map<String, String> errors,
            String notice,
            Locale locale,
            Model model) {
        CampaignRef ref = campaigns.ref(campaign.slug()).orElseThrow();
        model.addAttribute("campaign", campaign);
        model.addAttribute("sign", signing.panel(ref, locale, form, errors, notice));
        return "pages/embed";
    }
}

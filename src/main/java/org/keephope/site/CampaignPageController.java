package org.keephope.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.delivery.Deliveries;
import org.keephope.delivery.Responses;
import org.keephope.partner.Partners;
import org.keephope.signature.SignForm;
import org.keephope.signature.SignSubmission;
import org.keephope.signature.Signing;
import org.keephope.stats.Stats;
import org.keephope.support.DatabaseOutage;
import org.keephope.target.Targets;
import org.keephope.web.PageNotFound;
import org.keephope.web.PublicPageCache;
import org.keephope.web.Redirects;
import org.keephope.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign page: the campaign module's content with the signature module's form and count. The form
 * needs no session and no cookie: on an error the whole page comes back with the supporter's values and the
 * errors beside the fields; on success a 303 leads to "check your email".
 */
@Controller
class CampaignPageController {

    private final Campaigns campaigns;
    private final Signing signing;
    private final MessageSource messages;
    private final SiteProperties site;
    private final Targets targets;
    private final Stats stats;
    private final Partners partners;
    private final Deliveries deliveries;
    private final Responses responses;

    CampaignPageController(
            Campaigns campaigns,
            Signing signing,
            MessageSource messages,
            SiteProperties site,
            Targets targets,
            Stats stats,
            Partners partners,
            Deliveries deliveries,
            Responses responses) {
        this.deliveries = deliveries;
        this.responses = responses;
        this.targets = targets;
        this.stats = stats;
        this.partners = partners;
        this.campaigns = campaigns;
        this.signing = signing;
        this.messages = messages;
        this.site = site;
    }

    @GetMapping("/campaigns/{slug}")
    String page(
            @PathVariable String slug,
            @RequestParam(required = false) String src,
            Locale locale,
            Model model,
            HttpServletRequest request) {
        CampaignView campaign = find(slug, locale);
        model.addAttribute("consent", partners.consentBoxes(campaign.id(), locale, src));
        String view = render(campaign, signing.emptyForm(), Map.of(), null, locale, model);
        // any recent stamp is good: a cached copy with an older one is the same page
        if (model.getAttribute("sign") instanceof org.keephope.signature.SignPanel panel) {
            request.setAttribute(PublicPageCache.VOLATILE, panel.form().stamp());
        }
        return view;
    }

    @PostMapping("/campaigns/{slug}/sign")
    String sign(
            @PathVariable String slug,
            @RequestParam Map<String, String> params,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        // the hot path reads one row; the whole page is built only when it must be shown again
        // the reads wait out a restarting database (DatabaseOutage) rather than answer a supporter with an error
        SignSubmission submitted = signing.submit(
                request,
                () -> DatabaseOutage.retrying(() -> campaigns.signingTarget(slug, locale))
                        .orElseThrow(() -> PageNotFound.of("campaign", slug)),
                params,
                "/campaigns/" + slug,
                locale);
        SignForm form = submitted.form();
        if (submitted.result() == SignSubmission.Result.ACCEPTED) {
            return Redirects.seeOther(response, "/campaigns/" + slug + "/check-email");
        }
        if (submitted.result() == SignSubmission.Result.RATE_LIMITED) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("status", 429);
            model.addAttribute("kind", "429");
            return "error/page";
        }
        long campaignId = submitted.campaign().id();
        model.addAttribute(
                "consent",
                DatabaseOutage.retrying(() -> partners.consentBoxes(campaignId, locale, params.get("src")))
                        .as(params));
        return showAgain(
                slug,
                form,
                submitted.errors(),
                submitted.result().notice(),
                HttpStatus.valueOf(submitted.result().status()),
                locale,
                model,
                response);
    }

    /** The whole campaign page again, with the supporter's values, the errors and a notice, and its status. */
    private String showAgain(
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
        model.addAttribute("share", ShareLinks.of(site.absolute("/campaigns/" + campaign.slug()), campaign.title()));
        model.addAttribute("sign", signing.panel(ref, locale, form, errors, notice));
        model.addAttribute("targets", targets.forCampaign(campaign.id(), locale));
        model.addAttribute("delivered", deliveries.delivered(campaign.id()));
        model.addAttribute("responses", responses.published(campaign.id()));
        model.addAttribute("overTime", stats.overTimeFigure(campaign, locale, "over-time"));
        return "pages/campaign";
    }
}

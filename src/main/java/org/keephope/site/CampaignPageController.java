package org.keephope.site;

import java.util.Locale;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.web.PageNotFound;
import org.keephope.web.SiteProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The campaign page: the campaign module's content composed with what other modules add to it. */
@Controller
class CampaignPageController {

    private final Campaigns campaigns;
    private final SiteProperties site;

    CampaignPageController(Campaigns campaigns, SiteProperties site) {
        this.campaigns = campaigns;
        this.site = site;
    }

    @GetMapping("/campaigns/{slug}")
    String page(@PathVariable String slug, Locale locale, Model model) {
        CampaignView campaign = campaigns.findPublic(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug));
        model.addAttribute("campaign", campaign);
        model.addAttribute("share", ShareLinks.of(site.absolute("/campaigns/" + slug), campaign.title()));
        return "pages/campaign";
    }
}

package org.keephope.log;

import java.util.Locale;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.web.PageNotFound;
import org.keephope.web.SiteProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /campaigns/{slug}/log}: the log explained in plain words, with its current signed head and the key
 * that checks it, and how to check both without trusting us. The same for every reader in a language, so a
 * cache may hold it (web.PublicPageCache).
 */
@Controller
class LogPageController {

    private final Campaigns campaigns;
    private final SignatureLogs logs;
    private final SiteProperties site;

    LogPageController(Campaigns campaigns, SignatureLogs logs, SiteProperties site) {
        this.campaigns = campaigns;
        this.logs = logs;
        this.site = site;
    }

    @GetMapping("/campaigns/{slug}/log")
    String page(@PathVariable String slug, Locale locale, Model model) {
        CampaignView campaign = campaigns.findPublic(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug));
        var head = logs.open(campaign.id());
        model.addAttribute(
                "log",
                new LogPage(
                        campaign.slug(),
                        campaign.title(),
                        head.note(),
                        head.verifierKey(),
                        head.treeSize(),
                        head.additions(),
                        head.withdrawals(),
                        head.signedAt(),
                        site.absolute("/campaigns/" + campaign.slug())));
        return "log/page";
    }
}

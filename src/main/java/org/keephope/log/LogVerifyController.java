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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /campaigns/{slug}/log/verify}: a signer pastes the receipt shown after confirming and the server says
 * whether it is in the log, with the reason when it is not, and how to check it without trusting us. The POST
 * changes nothing and keeps nothing: the receipt is neither stored nor logged.
 */
@Controller
class LogVerifyController {

    private final Campaigns campaigns;
    private final SignatureLogs logs;
    private final SiteProperties site;

    LogVerifyController(Campaigns campaigns, SignatureLogs logs, SiteProperties site) {
        this.campaigns = campaigns;
        this.logs = logs;
        this.site = site;
    }

    @GetMapping("/campaigns/{slug}/log/verify")
    String form(@PathVariable String slug, Locale locale, Model model) {
        return render(find(slug, locale), "", null, model);
    }

    @PostMapping("/campaigns/{slug}/log/verify")
    String check(
            @PathVariable String slug,
            @RequestParam(name = "receipt", required = false) String receipt,
            Locale locale,
            Model model) {
        CampaignView campaign = find(slug, locale);
        var result = logs.checkReceipt(campaign.id(), site.absolute("/campaigns/" + campaign.slug()), receipt);
        String kept = receipt == null || receipt.length() > ReceiptCheck.MAX_LENGTH ? "" : receipt;
        return render(campaign, kept, result, model);
    }

    private CampaignView find(String slug, Locale locale) {
        return campaigns.findPublic(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug));
    }

    private String render(CampaignView campaign, String receipt, ReceiptCheck.Result result, Model model) {
        model.addAttribute("slug", campaign.slug());
        model.addAttribute("campaignTitle", campaign.title());
        model.addAttribute("receipt", receipt);
        model.addAttribute("result", result);
        return "log/verify";
    }
}

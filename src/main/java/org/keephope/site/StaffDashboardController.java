package org.keephope.site;

import java.util.List;
import java.util.Locale;
import org.keephope.account.StaffMember;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.Outbox;
import org.keephope.partner.Partners;
import org.keephope.signature.SignatureCounts;
import org.keephope.signature.StaffSignatures;
import org.keephope.signature.Tally;
import org.keephope.stats.Stats;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff start page: who is signed in, campaigns with their counts, comments waiting, how the mail outbox is doing. */
@Controller
class StaffDashboardController {

    private final Campaigns campaigns;
    private final SignatureCounts counts;
    private final StaffSignatures signatures;
    private final Outbox outbox;
    private final Stats stats;
    private final Partners partners;

    StaffDashboardController(
            Campaigns campaigns,
            SignatureCounts counts,
            StaffSignatures signatures,
            Outbox outbox,
            Stats stats,
            Partners partners) {
        this.stats = stats;
        this.partners = partners;
        this.campaigns = campaigns;
        this.counts = counts;
        this.signatures = signatures;
        this.outbox = outbox;
    }

    @GetMapping("/admin")
    String dashboard(@AuthenticationPrincipal StaffMember me, Locale locale, Model model, CsrfToken csrf) {
        List<CampaignLine> lines =
                campaigns.all(locale).stream().map(c -> line(c, locale)).toList();
        model.addAttribute("me", me);
        model.addAttribute("csrf", csrf);
        model.addAttribute("campaigns", lines);
        model.addAttribute("commentsWaiting", signatures.commentsWaitingCount());
        model.addAttribute("outbox", outbox.health());
        model.addAttribute(
                "partnerFigures",
                lines.stream()
                        .map(l -> figures(l, locale))
                        .filter(f -> f != null)
                        .toList());
        return "admin/overview";
    }

    /** A campaign's figures per partner, table and bars; null when it has no partners. */
    private Partners.CampaignFigures figures(CampaignLine l, Locale locale) {
        var partnerLines = partners.lines(l.campaign().id());
        if (partnerLines.isEmpty()) {
            return null;
        }
        var chart = stats.partnerBars(
                partnerLines.stream().map(Partners::bar).toList(),
                locale,
                "partner-bars-" + l.campaign().slug());
        return new Partners.CampaignFigures(l.campaign().slug(), l.campaign().title(), partnerLines, chart);
    }

    private CampaignLine line(org.keephope.campaign.CampaignSummary c, Locale locale) {
        Tally tally = counts.tally(c.id());
        var overTime = tally.total() == 0
                ? null
                : campaigns
                        .findForPreview(c.slug(), locale)
                        .map(view -> stats.overTimeFigure(view, locale, "over-time-" + c.slug()))
                        .orElse(null);
        return new CampaignLine(c, tally, overTime);
    }
}

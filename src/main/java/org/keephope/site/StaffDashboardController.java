package org.keephope.site;

import java.util.List;
import java.util.Locale;
import org.keephope.account.StaffMember;
import org.keephope.campaign.Campaigns;
import org.keephope.mail.Outbox;
import org.keephope.signature.SignatureCounts;
import org.keephope.signature.StaffSignatures;
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

    StaffDashboardController(Campaigns campaigns, SignatureCounts counts, StaffSignatures signatures, Outbox outbox) {
        this.campaigns = campaigns;
        this.counts = counts;
        this.signatures = signatures;
        this.outbox = outbox;
    }

    @GetMapping("/admin")
    String dashboard(@AuthenticationPrincipal StaffMember me, Locale locale, Model model, CsrfToken csrf) {
        List<CampaignLine> lines = campaigns.all(locale).stream()
                .map(c -> new CampaignLine(c, counts.tally(c.id())))
                .toList();
        model.addAttribute("me", me);
        model.addAttribute("csrf", csrf);
        model.addAttribute("campaigns", lines);
        model.addAttribute("commentsWaiting", signatures.commentsWaitingCount());
        model.addAttribute("outbox", outbox.health());
        return "admin/overview";
    }
}

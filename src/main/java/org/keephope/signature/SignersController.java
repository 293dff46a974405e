package org.keephope.signature;

import java.util.Locale;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.web.PageNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class SignersController {

    static final int PUBLIC_LIST_SIZE = 100;

    private final Campaigns campaigns;
    private final SignatureRepository repository;
    private final SignatureCounts counts;
    private final SigningProperties properties;

    SignersController(
            Campaigns campaigns, SignatureRepository repository, SignatureCounts counts, SigningProperties properties) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.counts = counts;
        this.properties = properties;
    }

    /**
     * Recent confirmed signers who chose to be shown (first name, country, approved comment, the day), and
     * where all signers come from, naming no country with fewer than five.
     */
    @GetMapping("/campaigns/{slug}/signers")
    String signers(@PathVariable String slug, Locale locale, Model model) {
        CampaignView campaign = campaigns.findPublic(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug));
        model.addAttribute("campaign", campaign);
        model.addAttribute("tally", counts.tally(campaign.id()));
        CountryCounts countries = counts.byCountry(campaign.id());
        model.addAttribute("countries", CountryLine.of(countries, locale));
        model.addAttribute("otherCountries", countries.otherCountries());
        model.addAttribute(
                "signers",
                repository.recentPublic(campaign.id(), PUBLIC_LIST_SIZE).stream()
                        .map(s -> new PublicSigner(
                                s.name(), Countries.name(s.country(), locale), s.comment(), s.confirmedOn()))
                        .toList());
        return "signature/signers";
    }

    @GetMapping("/campaigns/{slug}/check-email")
    String checkEmail(@PathVariable String slug, Locale locale, Model model) {
        model.addAttribute(
                "campaign", campaigns.findPublic(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug)));
        return "signature/check-email";
    }

    /** The privacy notice; its periods are the settings that the housekeeping and retention jobs apply. */
    @GetMapping("/privacy")
    String privacy(Model model) {
        model.addAttribute("unconfirmedDays", properties.unconfirmedRetention().toDays());
        model.addAttribute("retentionDays", properties.retentionAfterClose().toDays());
        return "signature/privacy";
    }
}

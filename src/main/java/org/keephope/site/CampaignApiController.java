package org.keephope.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keephope.campaign.Campaigns;
import org.keephope.signature.CountryCounts;
import org.keephope.signature.SignatureCounts;
import org.keephope.signature.Tally;
import org.keephope.target.Targets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A campaign as JSON, for partner sites and journalists: its counts and whom it asks. It lives in {@code site}
 * (it was {@code signature.CountApiController}) because it combines the signature and target modules.
 */
@RestController
class CampaignApiController {

    /**
     * The count of a campaign: confirmed signatures (exact, fresh), the goal, and where they come from as of
     * {@code byCountryAsOf} (at most a minute ago): {@code byCountry} names each country (ISO 3166 code) with
     * at least 5, {@code otherCountries} is the sum of all countries with fewer than 5 each, which are not
     * named — see {@link CountryCounts} for why.
     */
    public record CampaignCount(
            String slug,
            long signatures,
            Integer goal,
            Map<String, Long> byCountry,
            long otherCountries,
            Instant byCountryAsOf,
            List<Targets.Listed> targets) {}

    private final Campaigns campaigns;
    private final SignatureCounts counts;
    private final Targets targets;

    CampaignApiController(Campaigns campaigns, SignatureCounts counts, Targets targets) {
        this.campaigns = campaigns;
        this.counts = counts;
        this.targets = targets;
    }

    @GetMapping(
            value = "/api/campaigns/{slug}",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> count(@PathVariable String slug) {
        var campaign = campaigns.ref(slug).filter(c -> c.status().isPublic());
        if (campaign.isEmpty()) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No public campaign has this slug.");
            problem.setTitle("Campaign not found");
            // the slug is the client's, decoded: encoded again, a space or "<" cannot break the URI (was a 500)
            problem.setInstance(UriComponentsBuilder.fromPath("/api/campaigns/{slug}")
                    .buildAndExpand(slug)
                    .encode()
                    .toUri());
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        Tally tally = counts.tally(campaign.get().id());
        CountryCounts countries = counts.byCountry(campaign.get().id());
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofSeconds(2)).cachePublic())
                .header("Access-Control-Allow-Origin", "*")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new CampaignCount(
                        slug,
                        tally.total(),
                        campaign.get().signatureGoal(),
                        countries.countries(),
                        countries.otherCountries(),
                        countries.asOf(),
                        targets.listed(campaign.get().id())));
    }
}

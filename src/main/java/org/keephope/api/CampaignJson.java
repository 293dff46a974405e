package org.keephope.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.keephope.target.Targets;

/** The campaign answers of the API: records only, filled from the owning modules' views. */
final class CampaignJson {

    private CampaignJson() {}

    @Schema(description = "A campaign in a list.")
    record Item(
            String slug,

            @Schema(allowableValues = {"LIVE", "CLOSED", "DELIVERED"})
            String status,

            @Schema(description = "Language of title and summary: the one asked for, or the original.")
            String title,

            String summary,

            @Schema(description = "Confirmed signatures, exact and fresh (at most a second old).")
            long signatures,

            Integer goal,
            Instant deadline,
            @Schema(description = "The campaign's page.") String url,

            @Schema(description = "This campaign in the API.")
            String self) {}

    @Schema(description = "The campaigns the public may see (live, closed, delivered), newest first.")
    record ItemList(List<Item> data) {}

    @Schema(description = "One campaign.")
    record Detail(
            String slug,

            @Schema(allowableValues = {"LIVE", "CLOSED", "DELIVERED"})
            String status,

            String language,
            String title,
            String summary,

            @Schema(description = "The appeal as sanitised HTML.")
            String bodyHtml,

            String image,
            String imageAlt,
            Event event,
            Instant deadline,
            Integer goal,

            @Schema(description = "Confirmed signatures, exact and fresh (at most a second old).")
            long signatures,

            @Schema(description = "Whether the campaign takes signatures now.")
            boolean open,

            List<Member> coalition,
            Instant updatedAt,
            String url,
            Links links) {}

    record Event(String name, String place, LocalDate starts, LocalDate ends) {}

    record Member(
            String slug,
            String name,
            String website,
            @Schema(allowableValues = {"LEAD", "SUPPORTER"}) String role) {}

    record Links(String counts, String targets, String signatures) {}

    @Schema(
            description = "Confirmed signatures of a campaign. Only the total is fresh; the countries are those of"
                    + " the start of the current minute (byCountryAsOf). A country is named only with at least 5"
                    + " signatures; the rest are summed, unnamed, into otherCountries.")
    record Counts(
            String slug,
            long signatures,
            Integer goal,

            @Schema(
                    description =
                            "ISO 3166-1 alpha-2 code → confirmed signatures, most first; only countries with 5 or more.")
            Map<String, Long> byCountry,

            @Schema(description = "Confirmed signatures from all countries with fewer than 5 each.")
            long otherCountries,

            Instant byCountryAsOf) {}

    @Schema(description = "Whom the campaign asks: active targets in the campaign's order. No contact addresses.")
    record TargetList(String slug, List<Targets.Listed> data) {}
}

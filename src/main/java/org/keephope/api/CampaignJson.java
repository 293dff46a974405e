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

    @Schema(name = "CampaignItem", description = "A campaign in a list.")
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

    @Schema(
            name = "CampaignList",
            description = "The campaigns the public may see (live, closed, delivered), newest first.")
    record ItemList(List<Item> data) {}

    @Schema(name = "Campaign", description = "One campaign.")
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

    @Schema(name = "Event", description = "The event a campaign is tied to, such as a summit.")
    record Event(String name, String place, LocalDate starts, LocalDate ends) {}

    @Schema(name = "CoalitionMember", description = "An organisation of the campaign's coalition.")
    record Member(
            String slug,
            String name,
            String website,
            @Schema(allowableValues = {"LEAD", "SUPPORTER"}) String role) {}

    @Schema(name = "CampaignLinks")
    record Links(String counts, String targets, String signatures) {}

    @Schema(
            name = "Counts",
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

            Instant byCountryAsOf,

            @Schema(
                    description = "Only when a key is sent (and then never cached): figures per partner, every"
                            + " partner of the campaign for a staff key, the partner's own line alone for a partner's key"
                            + " (none for a campaign it is not a partner of).")
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            List<PartnerCount> byPartner) {}

    @Schema(
            name = "PartnerCount",
            description = "One partner's figures in a campaign: signatures that came through it (its ?src= link or"
                    + " its key), and supporters who ticked its box, all and confirmed.")
    record PartnerCount(
            String slug, String name, long attributed, long attributedConfirmed, long optIns, long optInsConfirmed) {}

    @Schema(name = "TargetList", description = "Whom the campaign asks: active targets in the campaign's order.")
    record TargetList(String slug, List<Target> data) {}

    @Schema(name = "Target", description = "A decision maker the campaign asks. Never a contact address.")
    record Target(
            String name,
            String title,

            @Schema(description = "ISO 3166-1 alpha-2, or EU")
            String country,

            @Schema(description = "Language → name and title in it")
            Map<String, TargetNames> translations) {

        static Target of(Targets.Listed listed) {
            Map<String, TargetNames> names = new java.util.TreeMap<>();
            listed.translations().forEach((lang, n) -> names.put(lang, new TargetNames(n.name(), n.title())));
            return new Target(listed.name(), listed.title(), listed.country(), names);
        }
    }

    @Schema(name = "TargetNames")
    record TargetNames(String name, String title) {}
}

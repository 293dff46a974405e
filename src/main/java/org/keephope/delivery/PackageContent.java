package org.keephope.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.keephope.campaign.CampaignView;
import org.keephope.log.SignatureLogs.SignedHead;
import org.keephope.signature.PublicSigner;
import org.keephope.target.Target;

/**
 * Everything a delivery package says, in one language: only what the public may already see (the count by
 * country names no country with fewer than five; signers only as the public list shows them).
 *
 * @param targets the one target the package is for, or all the campaign's active targets
 * @param forAll whether it is the package for all targets
 * @param signers the newest signers who chose to be shown, when staff asked for them; else empty
 * @param log the latest signed head of the campaign's signature log, or null when it has none yet
 * @param overTimeSvg the stats module's over-time chart (standalone SVG), or null
 * @param mapSvg the stats module's map (standalone SVG), or null
 */
public record PackageContent(
        CampaignView campaign,
        String address,
        String checkpointAddress,
        LocalDate date,
        List<Target> targets,
        boolean forAll,
        long total,
        List<CountryRow> countries,
        long otherCountries,
        Instant countriesAsOf,
        List<Logo> coalition,
        boolean signersIncluded,
        List<PublicSigner> signers,
        int signerLimit,
        SignedHead log,
        String overTimeSvg,
        String mapSvg) {

    /** A coalition member; {@code image} is a {@code data:} URI of its logo, or null. */
    public record Logo(String name, String website, String image) {}

    /** A line of the table by country: ISO code, name in the package's language, confirmed signatures. */
    public record CountryRow(String code, String name, long count) {}

    /** The sum of the table: named countries and the unnamed rest. */
    public long tableTotal() {
        return countries.stream().mapToLong(CountryRow::count).sum() + otherCountries;
    }
}

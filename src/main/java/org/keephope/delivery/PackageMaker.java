package org.keephope.delivery;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Member;
import org.keephope.log.SignatureLogs;
import org.keephope.media.Media;
import org.keephope.signature.CountryCounts;
import org.keephope.signature.PublicSigners;
import org.keephope.signature.SignatureCounts;
import org.keephope.stats.ChartKind;
import org.keephope.stats.Stats;
import org.keephope.target.Target;
import org.keephope.web.LocalPath;
import org.keephope.web.SiteProperties;
import org.springframework.stereotype.Component;

/** Gathers what a delivery package says, from the modules that own it, in one language. */
@Component
class PackageMaker {

    /** At most this many shown signers in a package: the newest, and the package says so. */
    static final int SIGNER_LIMIT = 1000;

    private final SignatureCounts counts;
    private final PublicSigners signers;
    private final SignatureLogs logs;
    private final Stats stats;
    private final Media media;
    private final SiteProperties site;
    private final Clock clock;

    PackageMaker(
            SignatureCounts counts,
            PublicSigners signers,
            SignatureLogs logs,
            Stats stats,
            Media media,
            SiteProperties site,
            Clock clock) {
        this.counts = counts;
        this.signers = signers;
        this.logs = logs;
        this.stats = stats;
        this.media = media;
        this.site = site;
        this.clock = clock;
    }

    PackageContent make(
            CampaignView campaign, List<Target> targets, boolean forAll, boolean withSigners, Locale locale) {
        CountryCounts byCountry = counts.byCountry(campaign.id());
        return new PackageContent(
                campaign,
                site.absolute("/campaigns/" + campaign.slug()),
                site.absolute("/campaigns/" + campaign.slug() + "/log/checkpoint"),
                clock.instant().atZone(ZoneOffset.UTC).toLocalDate(),
                List.copyOf(targets),
                forAll,
                counts.tally(campaign.id()).total(),
                byCountry.countries().entrySet().stream()
                        .map(e -> new PackageContent.CountryRow(
                                e.getKey(), Target.countryName(e.getKey(), locale), e.getValue()))
                        .toList(),
                byCountry.otherCountries(),
                byCountry.asOf(),
                coalition(campaign),
                withSigners,
                withSigners ? signers.newest(campaign.id(), SIGNER_LIMIT, locale) : List.of(),
                SIGNER_LIMIT,
                logs.latestCheckpoint(campaign.id()).orElse(null),
                stats.svg(campaign.slug(), ChartKind.OVER_TIME, locale).orElse(null),
                stats.svg(campaign.slug(), ChartKind.MAP, locale).orElse(null));
    }

    private List<PackageContent.Logo> coalition(CampaignView campaign) {
        List<PackageContent.Logo> logos = new ArrayList<>();
        for (Member member : campaign.members()) {
            var organisation = member.organisation();
            logos.add(new PackageContent.Logo(organisation.name(), organisation.website(), logo(organisation.logo())));
        }
        return logos;
    }

    /** A logo the media module stored, as a {@code data:} URI: the renderer fetches nothing. */
    private String logo(String path) {
        if (path == null || !path.startsWith("/media/") || !LocalPath.isLocal(path)) {
            return null;
        }
        String name = path.substring("/media/".length());
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        return media.find(name.substring(0, dot), name.substring(dot + 1))
                .map(file -> "data:" + file.contentType() + ";base64,"
                        + Base64.getEncoder().encodeToString(file.bytes()))
                .orElse(null);
    }
}

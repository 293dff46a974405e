package org.keephope.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.signature.SignatureCounts;
import org.keephope.stats.Figures.MapFigure;
import org.keephope.stats.Figures.OverTimeFigure;
import org.keephope.stats.Figures.StatsPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pictures of the numbers: counts over time (kept by {@link StatsRecorder} as signatures are confirmed and
 * erased, reconciled here), and the charts drawn from them and from the signature module's public counts.
 * Drawing reads one row per hour (and country, before compaction of the current hour's shards), never the
 * signatures.
 *
 * <p>For the delivery PDF and anyone else who needs a chart as a file: {@link #svg(String, ChartKind, Locale)}.
 */
@Service
public class Stats {

    private static final Logger log = LoggerFactory.getLogger(Stats.class);

    private final HourlyRepository hourly;
    private final SignatureCounts counts;
    private final Campaigns campaigns;
    private final FigureMaker figures;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Cache<Long, OverTime> overTime;
    private final Cache<String, String> drawn;
    private final Cache<String, OverTimeFigure> smallFigures;

    Stats(
            HourlyRepository hourly,
            SignatureCounts counts,
            Campaigns campaigns,
            FigureMaker figures,
            StatsProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.hourly = hourly;
        this.counts = counts;
        this.campaigns = campaigns;
        this.figures = figures;
        this.transaction = transaction;
        this.clock = clock;
        this.overTime = Caffeine.newBuilder()
                .expireAfterWrite(properties.freshness())
                .maximumSize(10_000)
                .build();
        this.drawn = Caffeine.newBuilder()
                .expireAfterWrite(properties.freshness())
                .maximumSize(2_000)
                .build();
        this.smallFigures = Caffeine.newBuilder()
                .expireAfterWrite(properties.freshness())
                .maximumSize(2_000)
                .build();
    }

    /** A campaign's confirmed signatures day by day (UTC), at most {@code freshness} old. */
    public OverTime overTime(long campaignId) {
        return overTime.get(campaignId, this::readOverTime);
    }

    private OverTime readOverTime(long campaignId) {
        List<HourlyRepository.Cell> hours = transaction.execute(status -> hourly.perHour(campaignId));
        List<DayCount> days = new ArrayList<>();
        long total = 0;
        LocalDate day = null;
        long ofDay = 0;
        for (HourlyRepository.Cell cell : hours) {
            LocalDate d = Hours.day(cell.hour());
            if (day != null && !d.equals(day)) {
                total += ofDay;
                days.add(new DayCount(day, ofDay, total));
                for (LocalDate gap = day.plusDays(1); gap.isBefore(d); gap = gap.plusDays(1)) {
                    days.add(new DayCount(gap, 0, total));
                }
                ofDay = 0;
            }
            day = d;
            ofDay += cell.n();
        }
        if (day != null) {
            total += ofDay;
            days.add(new DayCount(day, ofDay, total));
        }
        if (total <= 0) {
            return new OverTime(List.of(), 0, clock.instant());
        }
        return new OverTime(List.copyOf(days), total, clock.instant());
    }

    /** Everything the public stats page shows, for a campaign the public may see. */
    public Optional<StatsPage> page(String slug, Locale locale) {
        return campaigns
                .findPublic(slug, locale)
                .map(c -> new StatsPage(
                        c.slug(),
                        c.title(),
                        figures.progress(c, counts.tally(c.id()), locale, "progress"),
                        overTimeFigure(c, locale, false, "over-time"),
                        mapFigure(c, locale, false, "map")));
    }

    /**
     * The small over-time chart of the campaign page and the staff start page (the caller has the campaign
     * already), drawn at most once per {@code freshness} for each campaign, language and element id: the
     * campaign page is the hot read path.
     *
     * @param id the id of the chart's element, unique on the page that shows it
     */
    public OverTimeFigure overTimeFigure(CampaignView campaign, Locale locale, String id) {
        return smallFigures.get(
                campaign.id() + "|" + locale.toLanguageTag() + "|" + campaign.status() + "|" + id,
                key -> overTimeFigure(campaign, locale, false, id));
    }

    /**
     * Bars per partner of one campaign (staff start page, a partner's own page). The caller chooses the rows:
     * a partner's page passes its own row alone. Drawn in O(partners).
     *
     * @param id the id of the chart's element, unique on the page that shows it
     */
    public Figures.PartnerBarsFigure partnerBars(List<Figures.BarRow> rows, Locale locale, String id) {
        return figures.partnerBars(List.copyOf(rows), locale, id);
    }

    private OverTimeFigure overTimeFigure(CampaignView c, Locale locale, boolean standalone, String id) {
        return figures.overTime(c, overTime(c.id()), locale, standalone, id);
    }

    private MapFigure mapFigure(CampaignView c, Locale locale, boolean standalone, String id) {
        return figures.map(c, counts.byCountry(c.id()), locale, standalone, id);
    }

    /**
     * A chart of a campaign the public may see, as a standalone SVG document (XML declaration, visible title,
     * source line, colours as presentation attributes, no script, nothing from elsewhere), in the given
     * language: what {@code /campaigns/{slug}/charts/{kind}.svg} serves, and what the delivery PDF embeds (as
     * vector). At most {@code keephope.stats.freshness} old. Empty for a slug no public campaign has.
     */
    public Optional<String> svg(String slug, ChartKind kind, Locale locale) {
        return campaigns.findPublic(slug, locale).map(c -> switch (kind) {
            case OVER_TIME -> overTimeFigure(c, locale, true, "over-time").svg();
            // the map is a quarter of a megabyte of text: drawn once per campaign, language and freshness period
            case MAP ->
                drawn.get(
                        c.id() + "/" + locale.toLanguageTag(),
                        key -> mapFigure(c, locale, true, "map").svg());
            case PROGRESS ->
                figures.progress(c, counts.tally(c.id()), locale, "progress").svg();
        });
    }

    /** The data of a public chart as CSV (UTF-8, comma separated, a header line, dates as ISO 8601). */
    public Optional<String> csv(String slug, ChartKind kind, Locale locale) {
        return campaigns.findPublic(slug, locale).map(c -> switch (kind) {
            case OVER_TIME -> ChartCsv.overTime(overTime(c.id()));
            case MAP -> ChartCsv.map(mapFigure(c, locale, false, "map"), figures.otherLabel(locale));
            case PROGRESS -> ChartCsv.progress(counts.tally(c.id()).total(), c.signatureGoal());
        });
    }

    /**
     * Brings the counts over time in line with the signatures (one statement per campaign, so a confirmation
     * committing meanwhile cannot skew the correction), then folds the shards of hours before the last one.
     * Returns how many signatures it corrected.
     */
    @Scheduled(
            initialDelayString = "${keephope.stats.reconcile-initial-delay-millis:7000}",
            fixedDelayString = "${keephope.stats.reconcile-interval:10m}")
    public long reconcile() {
        long corrected = 0;
        for (long campaignId : hourly.campaignsWithSignatures()) {
            corrected += reconcile(campaignId);
        }
        return corrected;
    }

    long reconcile(long campaignId) {
        long n = transaction.execute(status -> {
            long moved = 0;
            for (HourlyRepository.Cell cell : hourly.drift(campaignId)) {
                hourly.add(campaignId, cell.hour(), cell.country(), 0, cell.n());
                moved += Math.abs(cell.n());
            }
            return moved;
        });
        long lastHour = Hours.of(clock.instant()) - 1;
        transaction.executeWithoutResult(status -> hourly.compact(campaignId, lastHour));
        if (n > 0) {
            log.warn("Reconciled the counts over time of campaign {}: {} corrected", campaignId, n);
        }
        overTime.invalidate(campaignId);
        return n;
    }

    /** The counts over time as they are now, past this node's cache. */
    OverTime overTimeNow(long campaignId) {
        overTime.invalidate(campaignId);
        return overTime(campaignId);
    }
}

package org.keephope.stats;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.signature.Countries;
import org.keephope.signature.CountryCounts;
import org.keephope.signature.Tally;
import org.keephope.stats.Figures.CountryRow;
import org.keephope.stats.Figures.LegendEntry;
import org.keephope.stats.Figures.MapFigure;
import org.keephope.stats.Figures.OverTimeFigure;
import org.keephope.stats.Figures.ProgressFigure;
import org.keephope.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns counts into figures: the words (both languages, from the message bundles) and the drawings. */
@Component
class FigureMaker {

    private final MessageSource messages;
    private final SiteProperties site;
    private final Clock clock;
    private final Campaigns campaigns;

    FigureMaker(MessageSource messages, SiteProperties site, Clock clock, Campaigns campaigns) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.site = site;
        this.clock = clock;
    }

    OverTimeFigure overTime(CampaignView campaign, OverTime data, Locale locale, boolean standalone, String id) {
        String title = t("stats.overTime.title", locale);
        String summary = overTimeSummary(data, locale);
        var texts = new OverTimeChart.Texts(
                title,
                summary,
                t("stats.overTime.total", locale),
                t("stats.overTime.perDay", locale),
                t("stats.empty", locale),
                source(campaign, locale));
        String svg = OverTimeChart.draw(
                data,
                markers(campaign, data, locale),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                texts,
                locale,
                standalone,
                id);
        return new OverTimeFigure(title, summary, svg, data);
    }

    private List<Marker> markers(CampaignView campaign, OverTime data, Locale locale) {
        List<Marker> markers = new ArrayList<>();
        campaigns
                .launchedAt(campaign.id())
                .ifPresent(at -> markers.add(new Marker(
                        Marker.Kind.LAUNCH,
                        LocalDate.ofInstant(at, ZoneOffset.UTC),
                        t("stats.marker.launch", locale))));
        if (campaign.event() != null && campaign.event().starts() != null) {
            String name = campaign.event().name() != null ? campaign.event().name() : t("stats.marker.event", locale);
            markers.add(new Marker(Marker.Kind.EVENT, campaign.event().starts(), name));
        }
        if (campaign.deadline() != null) {
            markers.add(new Marker(
                    Marker.Kind.DEADLINE,
                    LocalDate.ofInstant(campaign.deadline(), ZoneOffset.UTC),
                    t("stats.marker.deadline", locale)));
        }
        markers.sort(java.util.Comparator.comparing(Marker::day));
        return markers;
    }

    String overTimeSummary(OverTime data, Locale locale) {
        if (data.isEmpty()) {
            return t("stats.empty", locale);
        }
        if (data.days().size() == 1) {
            return sentences(t(
                    "stats.overTime.summaryOneDay",
                    locale,
                    number(data.total(), locale),
                    date(data.days().get(0).day(), locale)));
        }
        DayCount busiest = data.busiest();
        return sentences(t(
                "stats.overTime.summary",
                locale,
                number(data.total(), locale),
                number(data.days().size(), locale),
                date(data.days().get(0).day(), locale),
                date(data.days().get(data.days().size() - 1).day(), locale),
                date(busiest.day(), locale),
                number(busiest.signatures(), locale)));
    }

    /**
     * One full stop where a date that ends with one ends a sentence (Russian "2 дек. 2026 г." before the
     * sentence's own "."). Only for texts of numbers and dates: nothing anyone typed.
     */
    static String sentences(String text) {
        return text.replace("..", ".");
    }

    MapFigure map(CampaignView campaign, CountryCounts counts, Locale locale, boolean standalone, String id) {
        String title = t("stats.map.title", locale);
        List<CountryRow> rows = counts.countries().entrySet().stream()
                .map(e -> new CountryRow(e.getKey(), Countries.name(e.getKey(), locale), e.getValue()))
                .toList();
        String summary = mapSummary(rows, counts.otherCountries(), locale);
        long max = rows.stream().mapToLong(CountryRow::signatures).max().orElse(0);
        List<WorldMapChart.Bin> bins = WorldMapChart.bins(max);
        var texts = new WorldMapChart.Texts(
                title,
                summary,
                t("stats.map.empty", locale),
                t("stats.map.none", locale),
                bin -> binLabel(bin, locale),
                code -> Countries.name(code, locale),
                source(campaign, locale) + " · " + WorldMap.ATTRIBUTION);
        String svg = WorldMapChart.draw(
                rows.stream().collect(Collectors.toMap(CountryRow::code, CountryRow::signatures)),
                texts,
                locale,
                standalone,
                id);
        List<LegendEntry> legend = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            legend.add(new LegendEntry("bin-" + (i + 1), binLabel(bins.get(i), locale)));
        }
        legend.add(new LegendEntry("none", t("stats.map.none", locale)));
        String asOf = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .format(counts.asOf().atZone(ZoneOffset.UTC));
        return new MapFigure(title, summary, svg, rows, counts.otherCountries(), legend, asOf);
    }

    String mapSummary(List<CountryRow> rows, long other, Locale locale) {
        if (rows.isEmpty() && other == 0) {
            return t("stats.empty", locale);
        }
        StringBuilder summary = new StringBuilder();
        if (rows.isEmpty()) {
            summary.append(t("stats.map.summaryNone", locale));
        } else {
            String top = rows.stream()
                    .limit(3)
                    .map(r -> r.name() + " (" + number(r.signatures(), locale) + ")")
                    .collect(Collectors.joining(", "));
            summary.append(t("stats.map.summary", locale, number(rows.size(), locale), top));
        }
        if (other > 0) {
            summary.append(' ').append(t("stats.map.summaryOther", locale, number(other, locale)));
        }
        return summary.toString();
    }

    String otherLabel(Locale locale) {
        return t("stats.map.other", locale);
    }

    private String binLabel(WorldMapChart.Bin bin, Locale locale) {
        return bin.to() == null
                ? t("stats.map.binTop", locale, number(bin.from(), locale))
                : t("stats.map.bin", locale, number(bin.from(), locale), number(bin.to(), locale));
    }

    ProgressFigure progress(CampaignView campaign, Tally tally, Locale locale, String id) {
        String title = t("stats.progress.title", locale);
        Integer goal = campaign.signatureGoal();
        int percent = tally.percentOf(goal);
        String summary = goal == null
                ? t("stats.progress.noGoal", locale, number(tally.total(), locale))
                : t(
                        "stats.progress.summary",
                        locale,
                        number(tally.total(), locale),
                        number(goal, locale),
                        number(percent, locale));
        String svg = ProgressChart.draw(title, summary, percent, source(campaign, locale), id);
        return new ProgressFigure(title, summary, svg, tally.total(), goal, percent);
    }

    Figures.PartnerBarsFigure partnerBars(List<Figures.BarRow> rows, Locale locale, String id) {
        String title = t("stats.partners.title", locale);
        long attributed = rows.stream().mapToLong(Figures.BarRow::attributed).sum();
        long optIns = rows.stream().mapToLong(Figures.BarRow::optIns).sum();
        String summary;
        if (attributed == 0 && optIns == 0) {
            summary = t("stats.partners.empty", locale);
        } else if (rows.size() == 1) {
            summary = t(
                    "stats.partners.summaryOne",
                    locale,
                    rows.get(0).label(),
                    number(attributed, locale),
                    number(optIns, locale));
        } else {
            var most = rows.stream()
                    .max(java.util.Comparator.comparingLong(Figures.BarRow::attributed))
                    .orElseThrow();
            summary = t(
                    "stats.partners.summary",
                    locale,
                    number(rows.size(), locale),
                    number(attributed, locale),
                    number(optIns, locale),
                    most.label(),
                    number(most.attributed(), locale));
        }
        var texts = new PartnerBarsChart.Texts(
                title,
                summary,
                t("stats.partners.attributed", locale),
                t("stats.partners.optIns", locale),
                t("stats.partners.empty", locale));
        return new Figures.PartnerBarsFigure(title, summary, PartnerBarsChart.draw(rows, texts, locale, id), rows);
    }

    private String source(CampaignView campaign, Locale locale) {
        return t("stats.source", locale, campaign.title(), site.absolute("/campaigns/" + campaign.slug() + "/stats"));
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String number(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    static String date(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(day);
    }
}

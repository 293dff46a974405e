package org.keephope.stats;

import java.util.List;

/** What the stats page and the campaign page show: each chart with its title, summary and data as a table. */
public final class Figures {

    private Figures() {}

    /** @param svg an inline SVG element, drawn by this module with every text escaped */
    public record OverTimeFigure(String title, String summary, String svg, OverTime data) {}

    public record CountryRow(String code, String name, long signatures) {}

    /** A class of the map's legend: its CSS class (the swatch's colour) and what it means. */
    public record LegendEntry(String cssClass, String label) {}

    /**
     * @param rows countries with at least 5 confirmed signatures, most first
     * @param otherCountries confirmed signatures from all the countries with fewer than 5 each, not named
     */
    public record MapFigure(
            String title,
            String summary,
            String svg,
            List<CountryRow> rows,
            long otherCountries,
            List<LegendEntry> legend,
            String asOf) {

        public boolean isEmpty() {
            return rows.isEmpty() && otherCountries == 0;
        }
    }

    public record ProgressFigure(String title, String summary, String svg, long total, Integer goal, int percent) {}

    /**
     * One partner's bars: confirmed signatures that came through its link and its confirmed opt-ins.
     *
     * @param key the partner's slug (for tests and styling, never shown)
     */
    public record BarRow(String key, String label, long attributed, long optIns) {}

    /** The figures per partner of one campaign, for staff and for the partner itself (its own row alone). */
    public record PartnerBarsFigure(String title, String summary, String svg, List<BarRow> rows) {}

    public record StatsPage(
            String slug, String campaignTitle, ProgressFigure progress, OverTimeFigure overTime, MapFigure map) {}
}

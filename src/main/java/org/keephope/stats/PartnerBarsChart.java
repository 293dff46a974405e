package org.keephope.stats;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.keephope.stats.Figures.BarRow;

/**
 * A campaign's figures per partner as horizontal bars: for each partner the confirmed signatures that came
 * through its link and its confirmed opt-ins, side by side on one scale, each bar with its number written at its
 * end (so that neither colour nor length alone carries the figure). Only staff and the partner itself see it:
 * the caller decides whose rows go in.
 */
final class PartnerBarsChart {

    /** What the chart says in the reader's language. */
    record Texts(String title, String summary, String attributedLabel, String optInsLabel, String empty) {}

    private static final int LEFT = 16;
    private static final int RIGHT = 72;
    private static final int LEGEND = 58;
    private static final int ROW = 66;
    private static final int BAR = 16;

    private PartnerBarsChart() {}

    static String draw(List<BarRow> rows, Texts texts, Locale locale, String idPrefix) {
        int width = OverTimeChart.WIDTH;
        long max = 0;
        for (BarRow r : rows) {
            max = Math.max(max, Math.max(r.attributed(), r.optIns()));
        }
        if (max == 0) {
            int height = 80;
            SvgWriter svg = OverTimeChart.begin(false, width, height, texts.title(), texts.summary(), idPrefix);
            svg.text(
                    "text",
                    texts.empty(),
                    "x",
                    Integer.toString(width / 2),
                    "y",
                    "46",
                    "text-anchor",
                    "middle",
                    "font-size",
                    "18",
                    "fill",
                    OverTimeChart.MUTED,
                    "class",
                    "chart-empty");
            return svg.close("svg").toString();
        }
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        int height = LEGEND + rows.size() * ROW + 8;
        double plot = width - LEFT - RIGHT;
        SvgWriter svg = OverTimeChart.begin(false, width, height, texts.title(), texts.summary(), idPrefix);

        // legend: a swatch and a word for each kind of bar
        legend(svg, 8, texts.attributedLabel(), OverTimeChart.BAR, "bar-attributed");
        legend(svg, 28, texts.optInsLabel(), OverTimeChart.LINE, "bar-opt-ins");

        int y = LEGEND;
        for (BarRow r : rows) {
            svg.open("g", "class", "chart-partner", "data-partner", r.key());
            svg.text(
                    "text",
                    r.label(),
                    "x",
                    Integer.toString(LEFT),
                    "y",
                    Integer.toString(y + 14),
                    "font-size",
                    "14",
                    "font-weight",
                    "600",
                    "fill",
                    OverTimeChart.INK,
                    "class",
                    "chart-panel-label");
            bar(svg, y + 22, r.attributed(), max, plot, numbers, OverTimeChart.BAR, "bar-attributed");
            bar(svg, y + 22 + BAR + 4, r.optIns(), max, plot, numbers, OverTimeChart.LINE, "bar-opt-ins");
            svg.close("g");
            y += ROW;
        }
        svg.empty(
                "line",
                "x1",
                Integer.toString(LEFT),
                "x2",
                Integer.toString(LEFT),
                "y1",
                Integer.toString(LEGEND + 18),
                "y2",
                Integer.toString(y - 4),
                "stroke",
                OverTimeChart.MUTED,
                "class",
                "chart-axis");
        return svg.close("svg").toString();
    }

    /** A legend line (one per kind of bar: long words in Russian do not fit two on a line). */
    private static void legend(SvgWriter svg, int top, String label, String colour, String cssClass) {
        int x = LEFT;
        svg.empty(
                "rect",
                "x",
                Integer.toString(x),
                "y",
                Integer.toString(top),
                "width",
                "14",
                "height",
                "14",
                "fill",
                colour,
                "class",
                "chart-swatch " + cssClass);
        svg.text(
                "text",
                label,
                "x",
                Integer.toString(x + 20),
                "y",
                Integer.toString(top + 12),
                "font-size",
                "13",
                "fill",
                OverTimeChart.INK,
                "class",
                "chart-legend");
    }

    private static void bar(
            SvgWriter svg, int y, long value, long max, double plot, NumberFormat numbers, String colour, String css) {
        double w = plot * value / max;
        if (value > 0) {
            svg.empty(
                    "rect",
                    "x",
                    Integer.toString(LEFT),
                    "y",
                    Integer.toString(y),
                    "width",
                    SvgWriter.n(Math.max(1, w)),
                    "height",
                    Integer.toString(BAR),
                    "fill",
                    colour,
                    "class",
                    "bar " + css,
                    "data-value",
                    Long.toString(value));
        }
        svg.text(
                "text",
                numbers.format(value),
                "x",
                SvgWriter.n(LEFT + Math.max(1, w) + 6),
                "y",
                Integer.toString(y + 13),
                "font-size",
                "13",
                "fill",
                OverTimeChart.INK,
                "class",
                "chart-value " + css + "-value");
    }
}

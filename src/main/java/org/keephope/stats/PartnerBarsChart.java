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

    /**
     * Narrower than the other charts (600): a phone shrinks the drawing to its width, and at 600 the names and
     * figures came out at 8 px on a 390 px screen. At 400 with 15–16 px text they stay at 13–14 px there; the
     * stylesheet caps the figure at 28rem, so that on a wide screen they are not larger than 18 px either.
     */
    static final int WIDTH = 400;

    private static final int LEFT = 8;
    private static final int RIGHT = 84;
    /** Legend words on one line at most: 15 px text, up to 10 px a letter (Cyrillic is wider than Latin). */
    static final int LEGEND_LINE_CHARACTERS = (WIDTH - LEFT - 22) / 10;

    private static final int LEGEND_ENTRY = 24;
    private static final int LEGEND_LINE = 18;
    private static final int ROW = 74;
    private static final int BAR = 18;
    private static final String TEXT_SIZE = "15";
    private static final String NAME_SIZE = "16";

    private PartnerBarsChart() {}

    static String draw(List<BarRow> rows, Texts texts, Locale locale, String idPrefix) {
        int width = WIDTH;
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
        List<String> attributedLines = lines(texts.attributedLabel(), LEGEND_LINE_CHARACTERS);
        List<String> optInLines = lines(texts.optInsLabel(), LEGEND_LINE_CHARACTERS);
        int second = 8 + LEGEND_ENTRY + LEGEND_LINE * (attributedLines.size() - 1);
        int legend = second + LEGEND_ENTRY + LEGEND_LINE * (optInLines.size() - 1) + 8;
        int height = legend + rows.size() * ROW + 8;
        double plot = width - LEFT - RIGHT;
        SvgWriter svg = OverTimeChart.begin(false, width, height, texts.title(), texts.summary(), idPrefix);

        // legend: a swatch and a word for each kind of bar
        legend(svg, 8, attributedLines, OverTimeChart.BAR, "bar-attributed");
        legend(svg, second, optInLines, OverTimeChart.LINE, "bar-opt-ins");

        int y = legend;
        for (BarRow r : rows) {
            svg.open("g", "class", "chart-partner", "data-partner", r.key());
            svg.text(
                    "text",
                    r.label(),
                    "x",
                    Integer.toString(LEFT),
                    "y",
                    Integer.toString(y + 16),
                    "font-size",
                    NAME_SIZE,
                    "font-weight",
                    "600",
                    "fill",
                    OverTimeChart.INK,
                    "class",
                    "chart-panel-label");
            bar(svg, y + 26, r.attributed(), max, plot, numbers, OverTimeChart.BAR, "bar-attributed");
            bar(svg, y + 26 + BAR + 4, r.optIns(), max, plot, numbers, OverTimeChart.LINE, "bar-opt-ins");
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
                Integer.toString(legend + 18),
                "y2",
                Integer.toString(y - 4),
                "stroke",
                OverTimeChart.MUTED,
                "class",
                "chart-axis");
        return svg.close("svg").toString();
    }

    /**
     * A legend entry (one per kind of bar: long words in Russian do not fit two on a line), its words on as many
     * lines as they need.
     */
    private static void legend(SvgWriter svg, int top, List<String> lines, String colour, String cssClass) {
        int x = LEFT;
        svg.empty(
                "rect",
                "x",
                Integer.toString(x),
                "y",
                Integer.toString(top),
                "width",
                "16",
                "height",
                "16",
                "fill",
                colour,
                "class",
                "chart-swatch " + cssClass);
        svg.open("text", "font-size", TEXT_SIZE, "fill", OverTimeChart.INK, "class", "chart-legend");
        for (int i = 0; i < lines.size(); i++) {
            svg.text(
                    "tspan",
                    lines.get(i),
                    "x",
                    Integer.toString(x + 22),
                    "y",
                    Integer.toString(top + 13 + i * LEGEND_LINE));
        }
        svg.close("text");
    }

    /** Words on lines of at most {@code max} characters (a longer word has a line of its own). */
    static List<String> lines(String words, int max) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
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
                Integer.toString(y + 14),
                "font-size",
                TEXT_SIZE,
                "fill",
                OverTimeChart.INK,
                "class",
                "chart-value " + css + "-value");
    }
}

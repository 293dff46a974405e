package org.keephope.stats;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Where signatures come from, as a world map: each country with at least 5 confirmed signatures coloured by
 * its count, every other country (none, or fewer than 5: they are not told apart, see
 * {@code signature.CountryCounts}) in grey. Every shape has a {@code <title>}: a counted country's name and
 * count, any other country's name only.
 */
final class WorldMapChart {

    /**
     * Viridis, from light to dark: one hue order and one lightness order, told apart with every kind of colour
     * vision, and each far from the grey of the countries not counted.
     */
    static final String[] BINS = {"#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"};

    static final String NONE = "#d9d7cf";
    static final String BORDER = "#ffffff";

    /** A class of the legend: counts from {@code from} up to {@code to} (null: no upper bound). */
    record Bin(long from, Long to, String colour) {}

    /** What the map says in the reader's language. */
    record Texts(
            String title,
            String summary,
            String empty,
            String noneLabel,
            Function<Bin, String> binLabel,
            Function<String, String> countryName,
            String source) {}

    private WorldMapChart() {}

    /**
     * Five classes by powers of ten: 5–9, 10–99, 100–999, 1,000–9,999, 10,000 and more; for a campaign whose
     * largest country passes 99,999 the classes move up so that the top one starts at its power of ten.
     */
    static List<Bin> bins(long max) {
        int top = max >= 10_000 ? (int) Math.floor(Math.log10(max)) : 4;
        long[] from = {5, pow10(top - 3), pow10(top - 2), pow10(top - 1), pow10(top)};
        if (top == 4) {
            from[1] = 10;
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < from.length; i++) {
            bins.add(new Bin(from[i], i + 1 < from.length ? from[i + 1] - 1 : null, BINS[i]));
        }
        return bins;
    }

    private static long pow10(int exponent) {
        long v = 1;
        for (int i = 0; i < exponent; i++) {
            v *= 10;
        }
        return v;
    }

    static int binOf(List<Bin> bins, long count) {
        for (int i = bins.size() - 1; i >= 0; i--) {
            if (count >= bins.get(i).from()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param counted countries with at least 5 confirmed signatures (ISO code → count); no other country may
     *     be in it
     */
    static String draw(Map<String, Long> counted, Texts texts, Locale locale, boolean standalone, String idPrefix) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        int mapTop = standalone ? 48 : 0;
        int legendHeight = standalone ? 96 : 0;
        int height = mapTop + WorldMap.HEIGHT + legendHeight;
        SvgWriter svg =
                OverTimeChart.begin(standalone, WorldMap.WIDTH, height, texts.title(), texts.summary(), idPrefix);
        long max = counted.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bin> bins = bins(max);
        svg.open(
                "g",
                "class",
                "map-countries",
                "transform",
                mapTop == 0 ? null : "translate(0 " + mapTop + ")",
                "stroke",
                BORDER,
                "stroke-width",
                ".5");
        for (WorldMap.Shape shape : WorldMap.shapes()) {
            Long count = shape.code() == null ? null : counted.get(shape.code());
            int bin = count == null ? -1 : binOf(bins, count);
            String name = shape.code() == null ? null : texts.countryName().apply(shape.code());
            if (bin >= 0) {
                svg.open(
                        "path",
                        "id",
                        idPrefix + "-" + shape.code(),
                        "class",
                        "country counted bin-" + (bin + 1),
                        "data-country",
                        shape.code(),
                        "fill",
                        bins.get(bin).colour(),
                        "d",
                        shape.path());
                svg.text("title", name + ": " + numbers.format(count));
                svg.close("path");
            } else if (name != null) {
                svg.open("path", "class", "country", "fill", NONE, "d", shape.path());
                svg.text("title", name);
                svg.close("path");
            } else {
                svg.empty("path", "class", "land", "fill", NONE, "d", shape.path());
            }
        }
        svg.close("g");
        if (counted.isEmpty()) {
            svg.text(
                    "text",
                    texts.empty(),
                    "x",
                    Integer.toString(WorldMap.WIDTH / 2),
                    "y",
                    Integer.toString(mapTop + WorldMap.HEIGHT / 2),
                    "text-anchor",
                    "middle",
                    "font-size",
                    "32",
                    "font-weight",
                    "600",
                    "fill",
                    OverTimeChart.INK,
                    "stroke",
                    "#ffffff",
                    "stroke-width",
                    "6",
                    "paint-order",
                    "stroke",
                    "class",
                    "chart-empty");
        }
        if (standalone) {
            int y = mapTop + WorldMap.HEIGHT + 24;
            svg.open("g", "class", "map-legend", "font-size", "20", "fill", OverTimeChart.INK);
            int x = 16;
            for (Bin bin : bins) {
                svg.empty(
                        "rect",
                        "x",
                        Integer.toString(x),
                        "y",
                        Integer.toString(y),
                        "width",
                        "28",
                        "height",
                        "20",
                        "fill",
                        bin.colour(),
                        "stroke",
                        OverTimeChart.MUTED,
                        "stroke-width",
                        ".5");
                String label = texts.binLabel().apply(bin);
                svg.text("text", label, "x", Integer.toString(x + 36), "y", Integer.toString(y + 16));
                x += 36 + 16 + label.length() * 11;
            }
            svg.empty(
                    "rect",
                    "x",
                    "16",
                    "y",
                    Integer.toString(y + 32),
                    "width",
                    "28",
                    "height",
                    "20",
                    "fill",
                    NONE,
                    "stroke",
                    OverTimeChart.MUTED,
                    "stroke-width",
                    ".5");
            svg.text("text", texts.noneLabel(), "x", "52", "y", Integer.toString(y + 48));
            svg.close("g");
            OverTimeChart.source(svg, texts.source(), height - 10);
        }
        return svg.close("svg").toString();
    }
}

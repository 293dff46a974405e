package org.keephope.stats;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Signatures over time as SVG: the running total as a line above, the signatures of each day as bars below,
 * on one time axis, with the launch, the event and the deadline marked. Drawing costs O(days), never
 * O(signatures).
 */
final class OverTimeChart {

    static final int WIDTH = 600;
    static final String INK = "#1b1b1b";
    static final String MUTED = "#4a4a4a";
    static final String GRID = "#d6d3c9";
    /** Okabe–Ito blue: 5.1:1 against white, told apart from the line's colour by every kind of colour vision. */
    static final String BAR = "#0072b2";
    /** Okabe–Ito vermillion: 3.9:1 against white (WCAG 1.4.11 asks 3:1 of a graphic). */
    static final String LINE = "#c85a00";

    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

    /** What the chart says in the reader's language. */
    record Texts(String title, String summary, String totalLabel, String perDayLabel, String empty, String source) {}

    private static final int LEFT = 64;
    private static final int RIGHT = 20;
    /** Markers after the last day are drawn (and the axis lengthened) only when this close. */
    static final int MARKER_HORIZON_DAYS = 45;

    private OverTimeChart() {}

    /**
     * @param standalone a file of its own (embedding, the PDF): XML declaration, visible title and source;
     *     otherwise an element to put inside our pages, beside a heading that says the title
     * @param idPrefix makes the ids of title and description unique in a page
     */
    static String draw(
            OverTime data,
            List<Marker> markers,
            LocalDate today,
            Texts texts,
            Locale locale,
            boolean standalone,
            String idPrefix) {
        int top = standalone ? 64 : 28;
        if (data.isEmpty()) {
            int height = top + 80;
            SvgWriter svg = begin(standalone, height + (standalone ? 24 : 0), texts, idPrefix);
            svg.text(
                    "text",
                    texts.empty(),
                    "x",
                    Integer.toString(WIDTH / 2),
                    "y",
                    Integer.toString(top + 36),
                    "text-anchor",
                    "middle",
                    "font-size",
                    "18",
                    "fill",
                    MUTED,
                    "class",
                    "chart-empty");
            return end(svg, standalone, height, texts);
        }
        // the axis starts at the launch when signing began after it (it never hides a signature before it)
        LocalDate first = data.days().get(0).day();
        for (Marker marker : markers) {
            if (marker.kind() == Marker.Kind.LAUNCH && marker.day().isBefore(first)) {
                first = marker.day();
            }
        }
        LocalDate last = data.days().get(data.days().size() - 1).day();
        LocalDate end = today.isAfter(last) && !today.isAfter(last.plusDays(MARKER_HORIZON_DAYS)) ? today : last;
        List<Marker> shown = new ArrayList<>();
        for (Marker marker : markers) {
            if (!marker.day().isBefore(first) && !marker.day().isAfter(end.plusDays(MARKER_HORIZON_DAYS))) {
                shown.add(marker);
                if (marker.day().isAfter(end)) {
                    end = marker.day();
                }
            }
        }
        int days = (int) ChronoUnit.DAYS.between(first, end) + 1;
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMM", locale);

        int totalTop = top + 22;
        int totalHeight = 150;
        int perDayTop = totalTop + totalHeight + 44;
        int perDayHeight = 90;
        int axisY = perDayTop + perDayHeight;
        int height = axisY + 30;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double dayWidth = plotWidth / days;

        SvgWriter svg = begin(standalone, height + (standalone ? 24 : 0), texts, idPrefix);
        long maxTotal = data.total();
        long maxDay = data.busiest().signatures();
        long totalStep = niceStep(maxTotal);
        long dayStep = niceStep(maxDay);
        long totalTopValue = ceilTo(maxTotal, totalStep);
        long dayTopValue = ceilTo(maxDay, dayStep);

        panelLabel(svg, texts.totalLabel(), totalTop - 10);
        yAxis(svg, totalTop, totalHeight, totalTopValue, totalStep, numbers);
        panelLabel(svg, texts.perDayLabel(), perDayTop - 10);
        yAxis(svg, perDayTop, perDayHeight, dayTopValue, dayStep, numbers);

        // bars
        svg.open("g", "class", "chart-bars", "fill", BAR);
        double gap = dayWidth >= 4 ? dayWidth * 0.2 : 0;
        for (DayCount day : data.days()) {
            if (day.signatures() == 0) {
                continue;
            }
            double x = LEFT + ChronoUnit.DAYS.between(first, day.day()) * dayWidth + gap / 2;
            double h = perDayHeight * (double) day.signatures() / dayTopValue;
            svg.empty(
                    "rect",
                    "x",
                    SvgWriter.n(x),
                    "y",
                    SvgWriter.n(axisY - h),
                    "width",
                    SvgWriter.n(Math.max(0.6, dayWidth - gap)),
                    "height",
                    SvgWriter.n(Math.max(0.6, h)));
        }
        svg.close("g");

        // running total
        StringBuilder points = new StringBuilder();
        for (DayCount day : data.days()) {
            double x = LEFT + (ChronoUnit.DAYS.between(first, day.day()) + 0.5) * dayWidth;
            double y = totalTop + totalHeight - totalHeight * (double) day.cumulative() / totalTopValue;
            points.append(SvgWriter.n(x)).append(',').append(SvgWriter.n(y)).append(' ');
        }
        svg.empty(
                "polyline",
                "class",
                "chart-line",
                "points",
                points.toString().trim(),
                "fill",
                "none",
                "stroke",
                LINE,
                "stroke-width",
                "3",
                "stroke-linejoin",
                "round",
                "stroke-linecap",
                "round");
        if (data.days().size() <= 31) {
            svg.open("g", "class", "chart-points", "fill", LINE);
            for (String point : points.toString().trim().split(" ")) {
                String[] xy = point.split(",");
                svg.empty("circle", "cx", xy[0], "cy", xy[1], "r", "3.5");
            }
            svg.close("g");
        }

        // time axis
        svg.empty(
                "line",
                "x1",
                Integer.toString(LEFT),
                "x2",
                SvgWriter.n(LEFT + plotWidth),
                "y1",
                Integer.toString(axisY),
                "y2",
                Integer.toString(axisY),
                "stroke",
                MUTED,
                "class",
                "chart-axis");
        int every = Math.max(1, (int) Math.ceil(days / 6.0));
        svg.open("g", "class", "chart-ticks", "font-size", "13", "fill", MUTED, "text-anchor", "middle");
        for (int d = 0; d < days; d += every) {
            double x = LEFT + (d + 0.5) * dayWidth;
            svg.text("text", first.plusDays(d).format(dates), "x", SvgWriter.n(x), "y", Integer.toString(axisY + 20));
        }
        svg.close("g");

        // markers, their labels staggered where they would run into each other
        double lastLabelX = Double.NEGATIVE_INFINITY;
        int row = 0;
        for (Marker marker : shown) {
            double x = LEFT + (ChronoUnit.DAYS.between(first, marker.day()) + 0.5) * dayWidth;
            row = x - lastLabelX < 150 ? row + 1 : 0;
            lastLabelX = x;
            boolean right = x > LEFT + plotWidth * 0.6;
            svg.empty(
                    "line",
                    "class",
                    "chart-marker",
                    "x1",
                    SvgWriter.n(x),
                    "x2",
                    SvgWriter.n(x),
                    "y1",
                    Integer.toString(totalTop),
                    "y2",
                    Integer.toString(axisY),
                    "stroke",
                    INK,
                    "stroke-width",
                    "1.5",
                    "stroke-dasharray",
                    "4 3");
            svg.text(
                    "text",
                    marker.label() + " · " + marker.day().format(dates),
                    "class",
                    "chart-marker-label",
                    "x",
                    SvgWriter.n(right ? x - 5 : x + 5),
                    "y",
                    Integer.toString(totalTop + 14 + row * 17),
                    "text-anchor",
                    right ? "end" : "start",
                    "font-size",
                    "13",
                    "fill",
                    INK);
        }
        return end(svg, standalone, height, texts);
    }

    private static void panelLabel(SvgWriter svg, String label, int y) {
        svg.text(
                "text",
                label,
                "x",
                Integer.toString(LEFT),
                "y",
                Integer.toString(y),
                "font-size",
                "14",
                "font-weight",
                "600",
                "fill",
                INK,
                "class",
                "chart-panel-label");
    }

    private static void yAxis(SvgWriter svg, int top, int height, long topValue, long step, NumberFormat numbers) {
        svg.open("g", "class", "chart-grid", "font-size", "13", "fill", MUTED, "text-anchor", "end");
        for (long v = 0; v <= topValue; v += step) {
            double y = top + height - height * (double) v / topValue;
            svg.empty(
                    "line",
                    "x1",
                    Integer.toString(LEFT),
                    "x2",
                    Integer.toString(WIDTH - RIGHT),
                    "y1",
                    SvgWriter.n(y),
                    "y2",
                    SvgWriter.n(y),
                    "stroke",
                    GRID);
            svg.text("text", numbers.format(v), "x", Integer.toString(LEFT - 8), "y", SvgWriter.n(y + 4));
        }
        svg.close("g");
    }

    /** 1, 2 or 5 times a power of ten, so that about four steps reach the largest value. */
    static long niceStep(long max) {
        if (max <= 4) {
            return 1;
        }
        double raw = max / 4.0;
        long power = (long) Math.pow(10, Math.floor(Math.log10(raw)));
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static long ceilTo(long value, long step) {
        return Math.max(step, (value + step - 1) / step * step);
    }

    static SvgWriter begin(boolean standalone, int height, Texts texts, String idPrefix) {
        return begin(standalone, WIDTH, height, texts.title(), texts.summary(), idPrefix);
    }

    static SvgWriter begin(boolean standalone, int width, int height, String title, String summary, String idPrefix) {
        SvgWriter svg = new SvgWriter();
        if (standalone) {
            svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        svg.open(
                "svg",
                "xmlns",
                "http://www.w3.org/2000/svg",
                "viewBox",
                "0 0 " + width + " " + height,
                "width",
                standalone ? Integer.toString(width) : null,
                "height",
                standalone ? Integer.toString(height) : null,
                "class",
                "chart",
                "role",
                "img",
                "aria-labelledby",
                idPrefix + "-title " + idPrefix + "-desc",
                "font-family",
                FONT);
        svg.text("title", title, "id", idPrefix + "-title");
        svg.text("desc", summary, "id", idPrefix + "-desc");
        if (standalone) {
            svg.empty("rect", "width", "100%", "height", "100%", "fill", "#ffffff");
            svg.text(
                    "text",
                    title,
                    "x",
                    "16",
                    "y",
                    "32",
                    "font-size",
                    "20",
                    "font-weight",
                    "700",
                    "fill",
                    INK,
                    "class",
                    "chart-title");
        }
        return svg;
    }

    private static String end(SvgWriter svg, boolean standalone, int height, Texts texts) {
        if (standalone) {
            source(svg, texts.source(), height + 16);
        }
        return svg.close("svg").toString();
    }

    static void source(SvgWriter svg, String source, int y) {
        svg.text(
                "text",
                source,
                "x",
                "16",
                "y",
                Integer.toString(y),
                "font-size",
                "12",
                "fill",
                MUTED,
                "class",
                "chart-source");
    }
}

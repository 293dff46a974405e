package org.keephope.stats;

/** The progress toward the goal as SVG, for embedding and the PDF (pages use HTML's {@code <progress>}). */
final class ProgressChart {

    private ProgressChart() {}

    static String draw(String title, String summary, int percent, String source, String idPrefix) {
        int width = OverTimeChart.WIDTH;
        int height = 132;
        SvgWriter svg = OverTimeChart.begin(true, width, height, title, summary, idPrefix);
        svg.text("text", summary, "x", "16", "y", "60", "font-size", "16", "fill", OverTimeChart.INK);
        double inner = width - 32;
        svg.empty(
                "rect",
                "x",
                "16",
                "y",
                "72",
                "width",
                SvgWriter.n(inner),
                "height",
                "24",
                "rx",
                "4",
                "fill",
                "#ffffff",
                "stroke",
                OverTimeChart.MUTED,
                "class",
                "progress-track");
        if (percent > 0) {
            svg.empty(
                    "rect",
                    "x",
                    "16",
                    "y",
                    "72",
                    "width",
                    SvgWriter.n(inner * percent / 100.0),
                    "height",
                    "24",
                    "rx",
                    "4",
                    "fill",
                    OverTimeChart.BAR,
                    "class",
                    "progress-done");
        }
        OverTimeChart.source(svg, source, height - 12);
        return svg.close("svg").toString();
    }
}

package org.keephope.stats;

import java.util.Locale;

/**
 * A small SVG writer: elements with attributes, every text and attribute value escaped. Written by hand
 * rather than with a drawing library because the libraries on Maven Central that write SVG (JFreeSVG,
 * Batik's SVGGraphics2D) draw through Java2D and write {@code style="…"} attributes, which our
 * Content-Security-Policy ({@code style-src 'self'}) refuses in a page, and name fonts: we need presentation
 * attributes and classes only. Colours are presentation attributes, so a chart looks right on its own (an
 * {@code <img>} on a newspaper's site, the delivery PDF); the classes let the site's stylesheet restyle it
 * when it is drawn inside our pages.
 */
final class SvgWriter {

    private final StringBuilder out = new StringBuilder(4096);

    SvgWriter open(String name, String... attributes) {
        start(name, attributes);
        out.append('>');
        return this;
    }

    SvgWriter close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** An element with no children. */
    SvgWriter empty(String name, String... attributes) {
        start(name, attributes);
        out.append("/>");
        return this;
    }

    /** An element holding only text. */
    SvgWriter text(String name, String text, String... attributes) {
        start(name, attributes);
        out.append('>');
        escape(text, false);
        out.append("</").append(name).append('>');
        return this;
    }

    /** Markup this class wrote itself (a shape drawn once and reused). */
    SvgWriter raw(CharSequence markup) {
        out.append(markup);
        return this;
    }

    private void start(String name, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], true);
            out.append('"');
        }
    }

    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> {
                    // XML 1.0 allows no control characters but tab, newline and return
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** A coordinate with at most one decimal, the same in every locale. */
    static String n(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

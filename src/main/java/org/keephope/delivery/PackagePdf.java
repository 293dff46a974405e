package org.keephope.delivery;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keephope.web.UiFactory;
import org.springframework.stereotype.Component;

/**
 * Renders a delivery package as PDF: a jte template (XHTML) laid out by openhtmltopdf and written by PDFBox,
 * DejaVu Sans embedded (shipped in the jar, so Cyrillic prints on any machine), the stats module's charts
 * drawn as vector graphics by Batik. Nothing is fetched while rendering: logos arrive as {@code data:} URIs,
 * and every other resource — http, file, jar, anything an SVG or stylesheet might name — is refused.
 */
@Component
class PackagePdf {

    static final String FONT = "DejaVu Sans";

    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*");
    private static final Pattern SVG_FONT = Pattern.compile("font-family=\"[^\"]*\"");
    private static final Pattern SVG_TAG = Pattern.compile("<svg\\b[^>]*>");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"");
    private static final Pattern SIZE = Pattern.compile("\\s(width|height)=\"[^\"]*\"");

    /** The width of a chart on the page: the text column of A4 with our margins. */
    static final double CHART_WIDTH_MM = 178;

    private final TemplateEngine templates;
    private final UiFactory ui;

    PackagePdf(TemplateEngine templates, UiFactory ui) {
        this.templates = templates;
        this.ui = ui;
    }

    /** The package's XHTML, as the renderer reads it. */
    String html(PackageContent content, Locale locale) {
        StringOutput out = new StringOutput();
        templates.render(
                "delivery/package.jte",
                Map.of(
                        "ui", ui.forLocale(locale),
                        "p", content,
                        "overTimeSvg", inline(content.overTimeSvg()),
                        "mapSvg", inline(content.mapSvg())),
                out);
        return out.toString();
    }

    byte[] render(PackageContent content, Locale locale) {
        String html = html(content, locale);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            var uses = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_PRE);
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true, uses);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true, uses);
            builder.useSVGDrawer(new BatikSVGDrawer(
                    BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            // no network, no files: only what the document itself carries
            builder.useExternalResourceAccessControl(
                    (uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(
                    (uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.useHttpStreamImplementation(url -> {
                throw new IllegalStateException("the delivery PDF fetches nothing");
            });
            builder.withProducer("KeepHope");
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    /** A standalone chart without its XML declaration, its text in the embedded font. */
    static String inline(String svg) {
        if (svg == null) {
            return null;
        }
        String body = XML_DECLARATION.matcher(svg).replaceFirst("");
        body = SVG_FONT.matcher(body).replaceAll("font-family=\"" + FONT + "\"");
        Matcher tag = SVG_TAG.matcher(body);
        if (tag.find()) {
            Matcher box = VIEW_BOX.matcher(tag.group());
            if (box.find()) {
                // the page decides the size: the column's width, the height of the chart's own proportions
                double height = CHART_WIDTH_MM * Double.parseDouble(box.group(2)) / Double.parseDouble(box.group(1));
                String sized = SIZE.matcher(tag.group())
                        .replaceAll("")
                        .replaceFirst(
                                "^<svg",
                                String.format(
                                        Locale.ROOT,
                                        "<svg style=\"width: %.1fmm; height: %.1fmm\"",
                                        CHART_WIDTH_MM,
                                        height));
                body = body.substring(0, tag.start()) + sized + body.substring(tag.end());
            }
        }
        return body;
    }

    private static InputStream font(String file) {
        InputStream in = PackagePdf.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("font missing from the jar: " + file);
        }
        return in;
    }
}

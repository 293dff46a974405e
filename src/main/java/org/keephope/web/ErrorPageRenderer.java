package org.keephope.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Our error page outside Spring MVC, for {@link ContainerErrorPage}: the same template and layout as
 * {@link ErrorPages}, in the reader's language from the {@code lang} cookie or {@code Accept-Language}
 * (never from the parameters of a request that may not even parse), with the language links to the home
 * page rather than to an address that could not be read.
 */
@Component
class ErrorPageRenderer {

    private final TemplateEngine templates;
    private final MessageSource messages;
    private final SiteProperties site;
    private final AssetNames assets;

    ErrorPageRenderer(TemplateEngine templates, MessageSource messages, SiteProperties site, AssetNames assets) {
        this.assets = assets;
        this.templates = templates;
        this.messages = messages;
        this.site = site;
    }

    /** The page that explains a status: 400, 404, 405, 409, 413 and 429 have their own, 5xx share one. */
    static String kind(int status) {
        return switch (status) {
            case 400, 404, 405, 409, 413, 429 -> String.valueOf(status);
            default -> status >= 500 ? "500" : "400";
        };
    }

    String html(HttpServletRequest request, int status) {
        Locale locale = LanguageSelection.withoutParameters(request);
        StringOutput output = new StringOutput();
        templates.render(
                "error/page.jte",
                Map.of(
                        "ui",
                        new Ui(messages, locale, "/", null, site, assets::of),
                        "status",
                        status,
                        "kind",
                        kind(status)),
                output);
        return output.toString();
    }
}

package org.keephope.stats;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.keephope.web.PageNotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public stats page and each public chart as an SVG file (for journalists to embed) and as CSV. An
 * unknown slug, a draft or an unknown kind of chart is our 404 page.
 */
@Controller
class StatsController {

    static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Stats stats;
    private final CacheControl cache;

    StatsController(Stats stats, StatsProperties properties) {
        this.stats = stats;
        this.cache = CacheControl.maxAge(properties.freshness()).cachePublic();
    }

    @GetMapping("/campaigns/{slug}/stats")
    String page(@PathVariable String slug, Locale locale, Model model) {
        model.addAttribute("stats", stats.page(slug, locale).orElseThrow(() -> PageNotFound.of("campaign", slug)));
        return "stats/page";
    }

    @GetMapping("/campaigns/{slug}/charts/{kind}.svg")
    ResponseEntity<String> svg(@PathVariable String slug, @PathVariable String kind, Locale locale) {
        ChartKind chart = ChartKind.ofPath(kind).orElseThrow(() -> PageNotFound.of("chart", kind));
        String svg = stats.svg(slug, chart, locale).orElseThrow(() -> PageNotFound.of("campaign", slug));
        return ResponseEntity.ok()
                .cacheControl(cache)
                .varyBy("Accept-Language", "Cookie")
                .contentType(SVG)
                .body(svg);
    }

    @GetMapping("/campaigns/{slug}/charts/{kind}.csv")
    ResponseEntity<String> csv(@PathVariable String slug, @PathVariable String kind, Locale locale) {
        ChartKind chart = ChartKind.ofPath(kind).orElseThrow(() -> PageNotFound.of("chart", kind));
        String csv = stats.csv(slug, chart, locale).orElseThrow(() -> PageNotFound.of("campaign", slug));
        return ResponseEntity.ok()
                .cacheControl(cache)
                .varyBy("Accept-Language", "Cookie")
                .contentType(CSV)
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(slug + "-" + chart.path() + ".csv")
                                .build()
                                .toString())
                .body(csv);
    }
}

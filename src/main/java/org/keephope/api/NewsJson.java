package org.keephope.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The news answers of the API. */
final class NewsJson {

    private NewsJson() {}

    @Schema(name = "NewsTerm", description = "A category or region: its slug and its name in the language asked for.")
    record Term(String slug, String name) {}

    @Schema(name = "NewsItem", description = "A published post in a list.")
    record Item(
            String slug,
            String language,
            String title,
            String excerpt,
            Instant publishedAt,
            List<Term> categories,
            List<Term> regions,
            String url,
            String self) {}

    @Schema(
            name = "NewsPage",
            description = "Published posts, newest first, ten a page. A page past the end gives the last page.")
    record Page(List<Item> data, int page, int pages, long total, String next, String previous) {}

    @Schema(name = "Post", description = "One published post.")
    record Post(
            String slug,
            String language,
            String title,
            String excerpt,

            @Schema(description = "The post as sanitised HTML.")
            String bodyHtml,

            Instant publishedAt,
            Instant updatedAt,

            @Schema(description = "The campaign the post is about, if any: its slug.")
            String campaign,

            List<Term> categories,
            List<Term> regions,
            String url) {}
}

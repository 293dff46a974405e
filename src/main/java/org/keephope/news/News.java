package org.keephope.news;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keephope.campaign.CampaignSummary;
import org.keephope.campaign.Campaigns;
import org.keephope.web.Markdown;
import org.keephope.web.PageNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The news module's facade: published posts, their categories and regions. */
@Service
@Transactional(readOnly = true)
public class News {

    public static final int PAGE_SIZE = 10;
    public static final int FEED_SIZE = 20;

    private final PostRepository posts;
    private final TermRepository terms;
    private final Campaigns campaigns;
    private final Markdown markdown;
    private final Clock clock;

    News(PostRepository posts, TermRepository terms, Campaigns campaigns, Markdown markdown, Clock clock) {
        this.posts = posts;
        this.terms = terms;
        this.campaigns = campaigns;
        this.markdown = markdown;
        this.clock = clock;
    }

    /**
     * One page of published posts, newest first. An unknown category or region is a {@link PageNotFound};
     * a page past the end is clamped to the last page.
     */
    public NewsPage page(String categorySlug, String regionSlug, int requestedPage, Locale locale) {
        String lang = locale.getLanguage();
        var category = resolve(TermKind.CATEGORY, categorySlug, lang);
        var region = resolve(TermKind.REGION, regionSlug, lang);
        var filter = new NewsFilter(
                category.map(TermRepository.TermRow::id).orElse(null),
                region.map(TermRepository.TermRow::id).orElse(null));
        var now = clock.instant();
        long total = posts.countPublished(filter, now);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, requestedPage), pages);
        var rows = posts.findPublished(filter, lang, now, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        return new NewsPage(
                summaries(rows, lang),
                page,
                pages,
                total,
                category.map(TermRepository.TermRow::term).orElse(null),
                region.map(TermRepository.TermRow::term).orElse(null));
    }

    public List<PostSummary> latest(int count, Locale locale) {
        String lang = locale.getLanguage();
        return summaries(posts.findPublished(NewsFilter.ALL, lang, clock.instant(), 0, count), lang);
    }

    /** The newest posts in full, for a feed; filters as in {@link #page}. */
    public List<PostView> feed(String categorySlug, String regionSlug, Locale locale) {
        String lang = locale.getLanguage();
        var filter = new NewsFilter(
                resolve(TermKind.CATEGORY, categorySlug, lang)
                        .map(TermRepository.TermRow::id)
                        .orElse(null),
                resolve(TermKind.REGION, regionSlug, lang)
                        .map(TermRepository.TermRow::id)
                        .orElse(null));
        return views(posts.findPublished(filter, lang, clock.instant(), 0, FEED_SIZE), locale);
    }

    public Optional<PostView> findPublished(String slug, Locale locale) {
        return posts.findPublished(slug, locale.getLanguage(), clock.instant())
                .map(row -> views(List.of(row), locale).get(0));
    }

    /** Every published post, for the sitemap. */
    public List<PostSummary> allPublished(Locale locale) {
        String lang = locale.getLanguage();
        return summaries(posts.findPublished(NewsFilter.ALL, lang, clock.instant(), 0, 50_000), lang);
    }

    @Transactional
    public long create(NewPost post) {
        long id = posts.insert(post, clock.instant());
        link(TermKind.CATEGORY, id, post.categorySlugs());
        link(TermKind.REGION, id, post.regionSlugs());
        return id;
    }

    @Transactional
    public void translate(long postId, Locale locale, String title, String excerpt, String body) {
        posts.insertTranslation(postId, locale.getLanguage(), title, excerpt, body);
    }

    @Transactional
    public void createCategory(String slug, Map<String, String> namesByLanguage) {
        terms.insert(TermKind.CATEGORY, slug, namesByLanguage);
    }

    @Transactional
    public void createRegion(String slug, Map<String, String> namesByLanguage) {
        terms.insert(TermKind.REGION, slug, namesByLanguage);
    }

    private void link(TermKind kind, long postId, List<String> slugs) {
        for (String slug : slugs == null ? List.<String>of() : slugs) {
            long termId = terms.idOf(kind, slug)
                    .orElseThrow(() -> new IllegalArgumentException("unknown " + kind.table() + " " + slug));
            terms.link(kind, postId, termId);
        }
    }

    private Optional<TermRepository.TermRow> resolve(TermKind kind, String slug, String lang) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(terms.findBySlug(kind, slug, lang).orElseThrow(() -> PageNotFound.of(kind.table(), slug)));
    }

    private List<PostSummary> summaries(List<PostRepository.PostRow> rows, String lang) {
        var ids = rows.stream().map(PostRepository.PostRow::id).toList();
        var categories = posts.terms(TermKind.CATEGORY, ids, lang);
        var regions = posts.terms(TermKind.REGION, ids, lang);
        return rows.stream()
                .map(r -> new PostSummary(
                        r.id(),
                        r.slug(),
                        r.lang(),
                        r.title(),
                        r.excerpt(),
                        r.publishedAt(),
                        categories.getOrDefault(r.id(), List.of()),
                        regions.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private List<PostView> views(List<PostRepository.PostRow> rows, Locale locale) {
        String lang = locale.getLanguage();
        var ids = rows.stream().map(PostRepository.PostRow::id).toList();
        var categories = posts.terms(TermKind.CATEGORY, ids, lang);
        var regions = posts.terms(TermKind.REGION, ids, lang);
        return rows.stream()
                .map(r -> {
                    CampaignSummary campaign = r.campaignId() == null
                            ? null
                            : campaigns
                                    .summary(r.campaignId(), locale)
                                    .filter(c -> c.status().isPublic())
                                    .orElse(null);
                    return new PostView(
                            r.id(),
                            r.slug(),
                            r.lang(),
                            r.title(),
                            r.excerpt(),
                            markdown.toSafeHtml(r.body()),
                            r.publishedAt(),
                            r.updatedAt(),
                            campaign,
                            r.press(),
                            categories.getOrDefault(r.id(), List.of()),
                            regions.getOrDefault(r.id(), List.of()));
                })
                .toList();
    }
}

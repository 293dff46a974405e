package org.keephope.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.keephope.apikey.ApiGuard;
import org.keephope.apikey.ApiScope;
import org.keephope.campaign.CampaignRef;
import org.keephope.campaign.CampaignSummary;
import org.keephope.campaign.CampaignView;
import org.keephope.campaign.Campaigns;
import org.keephope.news.News;
import org.keephope.news.NewsPage;
import org.keephope.news.PostSummary;
import org.keephope.news.Term;
import org.keephope.partner.PartnerSupporters;
import org.keephope.signature.CountryCounts;
import org.keephope.signature.SignatureCounts;
import org.keephope.target.Targets;
import org.keephope.web.SiteProperties;
import org.keephope.web.SupportedLocales;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public reads of the API: what the campaign pages show, as JSON. No key is needed; a key that is sent is
 * checked (and counted) as on any route, and must hold the route's scope. Answers are the same for every
 * reader, so they carry an {@code ETag} (see {@link ApiConfig}), may be cached for a few seconds, and may be
 * read from any site's script (CORS, GET only, no credentials).
 */
@RestController
@RequestMapping(value = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@CrossOrigin(origins = "*", methods = RequestMethod.GET, allowCredentials = "false", maxAge = 3600)
@Tag(name = "Public reads", description = "No key needed. A key sent is checked and must hold the scope named.")
class PublicApiController {

    static final String SLUG = "The campaign's slug, as in its page's address";

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

    private final ApiGuard guard;
    private final Campaigns campaigns;
    private final SignatureCounts counts;
    private final Targets targets;
    private final News news;
    private final SiteProperties site;
    private final java.time.Clock clock;
    private final PartnerSupporters partners;

    PublicApiController(
            PartnerSupporters partners,
            ApiGuard guard,
            Campaigns campaigns,
            SignatureCounts counts,
            Targets targets,
            News news,
            SiteProperties site,
            java.time.Clock clock) {
        this.clock = clock;
        this.partners = partners;
        this.guard = guard;
        this.campaigns = campaigns;
        this.counts = counts;
        this.targets = targets;
        this.news = news;
        this.site = site;
    }

    @GetMapping("/campaigns")
    @Operation(
            summary = "The public campaigns",
            description = "Live, closed and delivered campaigns, newest first. Scope if a key is sent: read:campaigns.")
    ResponseEntity<CampaignJson.ItemList> campaigns(
            @Parameter(description = "Language of titles and summaries (en, ru); the original where untranslated.")
                    @RequestParam(required = false)
                    String lang,
            HttpServletRequest request) {
        guard.optional(request, ApiScope.READ_CAMPAIGNS);
        Locale locale = locale(lang);
        List<CampaignJson.Item> items =
                campaigns.published(locale).stream().map(this::item).toList();
        return ok(new CampaignJson.ItemList(items));
    }

    @GetMapping("/campaigns/{slug}")
    @Operation(
            summary = "One campaign",
            description = "With its confirmed signatures. Scope if a key is sent: read:campaigns.")
    ResponseEntity<CampaignJson.Detail> campaign(
            @Parameter(description = SLUG) @PathVariable String slug,
            @Parameter(description = "Language (en, ru); the original where untranslated.")
                    @RequestParam(required = false)
                    String lang,
            HttpServletRequest request) {
        guard.optional(request, ApiScope.READ_CAMPAIGNS);
        CampaignView c = campaigns.findPublic(slug, locale(lang)).orElseThrow(() -> ApiProblem.notFound("campaign"));
        String self = path("/api/v1/campaigns/{slug}", c.slug());
        return ok(new CampaignJson.Detail(
                c.slug(),
                c.status().name(),
                c.lang(),
                c.title(),
                c.summary(),
                c.bodyHtml(),
                c.image() == null ? null : absolute(c.image()),
                c.imageAlt(),
                c.event() == null
                        ? null
                        : new CampaignJson.Event(
                                c.event().name(),
                                c.event().place(),
                                c.event().starts(),
                                c.event().ends()),
                c.deadline(),
                c.signatureGoal(),
                counts.tally(c.id()).total(),
                campaigns.ref(c.id()).map(signing -> open(signing)).orElse(false),
                c.members().stream()
                        .map(m -> new CampaignJson.Member(
                                m.organisation().slug(),
                                m.organisation().name(),
                                m.organisation().website(),
                                m.role().name()))
                        .toList(),
                c.updatedAt(),
                site.absolute(path("/campaigns/{slug}", c.slug())),
                new CampaignJson.Links(
                        site.absolute(self + "/counts"),
                        site.absolute(self + "/targets"),
                        site.absolute(self + "/signatures"))));
    }

    @GetMapping("/campaigns/{slug}/counts")
    @Operation(
            summary = "A campaign's counts",
            description = "The exact total, and by country with the rule of five (countries with fewer than 5"
                    + " confirmed signatures are summed, unnamed). Scope if a key is sent: read:counts. With a key,"
                    + " also the figures per partner (all partners for a staff key, its own for a partner's key);"
                    + " that answer is not cached.")
    ResponseEntity<CampaignJson.Counts> counts(
            @Parameter(description = SLUG) @PathVariable String slug, HttpServletRequest request) {
        var key = guard.optional(request, ApiScope.READ_COUNTS);
        CampaignRef campaign = publicRef(slug);
        CountryCounts countries = counts.byCountry(campaign.id());
        List<CampaignJson.PartnerCount> byPartner = key.map(
                        k -> partners.lines(campaign.id(), k.organisationId()).stream()
                                .map(l -> new CampaignJson.PartnerCount(
                                        l.slug(),
                                        l.name(),
                                        l.attributed(),
                                        l.attributedConfirmed(),
                                        l.optIns(),
                                        l.optInsConfirmed()))
                                .toList())
                .orElse(null);
        var body = new CampaignJson.Counts(
                campaign.slug(),
                counts.tally(campaign.id()).total(),
                campaign.signatureGoal(),
                countries.countries(),
                countries.otherCountries(),
                countries.asOf(),
                byPartner);
        if (byPartner == null) {
            return ok(body);
        }
        // depends on the key: neither a shared cache nor an ETag may keep it
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    @GetMapping("/campaigns/{slug}/targets")
    @Operation(
            summary = "Whom a campaign asks",
            description = "Its active targets, in order, with names and titles in every language. No contact"
                    + " addresses. Scope if a key is sent: read:campaigns.")
    ResponseEntity<CampaignJson.TargetList> targets(
            @Parameter(description = SLUG) @PathVariable String slug, HttpServletRequest request) {
        guard.optional(request, ApiScope.READ_CAMPAIGNS);
        CampaignRef campaign = publicRef(slug);
        return ok(new CampaignJson.TargetList(
                campaign.slug(),
                targets.listed(campaign.id()).stream()
                        .map(CampaignJson.Target::of)
                        .toList()));
    }

    @GetMapping("/news")
    @Operation(
            summary = "Published news",
            description = "Ten posts a page, newest first. Scope if a key is sent: read:campaigns.")
    ResponseEntity<NewsJson.Page> news(
            @Parameter(description = "A category's slug") @RequestParam(required = false) String category,
            @Parameter(description = "A region's slug") @RequestParam(required = false) String region,
            @Parameter(description = "Page number from 1; past the end, the last page")
                    @RequestParam(defaultValue = "1")
                    int page,
            @Parameter(description = "Language (en, ru)") @RequestParam(required = false) String lang,
            HttpServletRequest request) {
        guard.optional(request, ApiScope.READ_CAMPAIGNS);
        if (page < 1) {
            throw ApiProblem.badParameter("page", "must be 1 or more");
        }
        NewsPage shown = news.page(blankToNull(category), blankToNull(region), page, locale(lang));
        List<NewsJson.Item> items = shown.posts().stream().map(this::newsItem).toList();
        return ok(new NewsJson.Page(
                items,
                shown.page(),
                shown.pages(),
                shown.total(),
                shown.hasNext() ? newsPage(category, region, shown.page() + 1, lang) : null,
                shown.hasPrevious() ? newsPage(category, region, shown.page() - 1, lang) : null));
    }

    @GetMapping("/news/{slug}")
    @Operation(summary = "One published post", description = "Scope if a key is sent: read:campaigns.")
    ResponseEntity<NewsJson.Post> post(
            @Parameter(description = "The post's slug, as in its page's address") @PathVariable String slug,
            @Parameter(description = "Language (en, ru)") @RequestParam(required = false) String lang,
            HttpServletRequest request) {
        guard.optional(request, ApiScope.READ_CAMPAIGNS);
        var post = news.findPublished(slug, locale(lang)).orElseThrow(() -> ApiProblem.notFound("post"));
        return ok(new NewsJson.Post(
                post.slug(),
                post.lang(),
                post.title(),
                post.excerpt(),
                post.bodyHtml(),
                post.publishedAt(),
                post.updatedAt(),
                post.campaign() == null ? null : post.campaign().slug(),
                terms(post.categories()),
                terms(post.regions()),
                site.absolute(path("/news/{slug}", post.slug()))));
    }

    private CampaignJson.Item item(CampaignSummary c) {
        CampaignRef ref = campaigns.ref(c.id()).orElseThrow();
        return new CampaignJson.Item(
                c.slug(),
                c.status().name(),
                c.title(),
                c.summary(),
                counts.tally(c.id()).total(),
                ref.signatureGoal(),
                ref.deadline(),
                site.absolute(path("/campaigns/{slug}", c.slug())),
                site.absolute(path("/api/v1/campaigns/{slug}", c.slug())));
    }

    private NewsJson.Item newsItem(PostSummary p) {
        return new NewsJson.Item(
                p.slug(),
                p.lang(),
                p.title(),
                p.excerpt(),
                p.publishedAt(),
                terms(p.categories()),
                terms(p.regions()),
                site.absolute(path("/news/{slug}", p.slug())),
                site.absolute(path("/api/v1/news/{slug}", p.slug())));
    }

    private String newsPage(String category, String region, int page, String lang) {
        var uri = UriComponentsBuilder.fromPath("/api/v1/news").queryParam("page", page);
        if (category != null && !category.isBlank()) {
            uri.queryParam("category", category);
        }
        if (region != null && !region.isBlank()) {
            uri.queryParam("region", region);
        }
        if (lang != null && SupportedLocales.match(lang).isPresent()) {
            uri.queryParam("lang", SupportedLocales.match(lang).get().getLanguage());
        }
        return site.absolute(uri.encode().build().toUriString());
    }

    private static List<NewsJson.Term> terms(List<Term> terms) {
        return terms.stream().map(t -> new NewsJson.Term(t.slug(), t.name())).toList();
    }

    private CampaignRef publicRef(String slug) {
        return campaigns
                .ref(slug)
                .filter(c -> c.status().isPublic())
                .orElseThrow(() -> ApiProblem.notFound("campaign"));
    }

    private boolean open(CampaignRef ref) {
        return ref.takesSignatures(clock.instant());
    }

    /** {@code lang} if it is one of ours, else the original (English): never the Accept-Language header, so one
     * address has one answer and its ETag holds for everyone. */
    static Locale locale(String lang) {
        if (lang == null || lang.isBlank()) {
            return SupportedLocales.ENGLISH;
        }
        return SupportedLocales.match(lang).orElseThrow(() -> ApiProblem.badParameter("lang", "one of en, ru"));
    }

    private String absolute(String pathOrUrl) {
        return pathOrUrl.startsWith("/") ? site.absolute(pathOrUrl) : pathOrUrl;
    }

    static String path(String template, String slug) {
        return UriComponentsBuilder.fromPath(template)
                .buildAndExpand(slug)
                .encode()
                .toUriString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok()
                .cacheControl(CACHE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}

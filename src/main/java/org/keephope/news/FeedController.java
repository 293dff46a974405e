package org.keephope.news;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.keephope.web.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Atom 1.0 feeds of the news, all of it or one category and/or region. */
@RestController
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final News news;
    private final SiteProperties site;
    private final MessageSource messages;

    FeedController(News news, SiteProperties site, MessageSource messages) {
        this.news = news;
        this.site = site;
        this.messages = messages;
    }

    @GetMapping("/feeds/news.atom")
    ResponseEntity<String> news(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String region,
            Locale locale)
            throws FeedException {
        // Resolving the page first turns an unknown category or region into the 404 page.
        NewsPage filters = news.page(category, region, 1, locale);
        List<PostView> posts = news.feed(category, region, locale);

        String self = UriComponentsBuilder.fromUriString(site.absolute("/feeds/news.atom"))
                .queryParamIfPresent("category", java.util.Optional.ofNullable(category))
                .queryParamIfPresent("region", java.util.Optional.ofNullable(region))
                .build()
                .encode()
                .toUriString();
        String html = self.replace("/feeds/news.atom", "/news");

        Feed feed = new Feed("atom_1.0");
        feed.setId(self);
        feed.setLanguage(locale.getLanguage());
        feed.setTitle(title(filters, locale));
        feed.setUpdated(Date.from(posts.stream()
                .map(PostView::lastChanged)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH)));
        feed.setOtherLinks(List.of(link("self", self, "application/atom+xml"), link("alternate", html, "text/html")));
        Person author = new Person();
        author.setName(messages.getMessage("site.name", null, locale));
        feed.setAuthors(List.of(author));

        List<Entry> entries = new ArrayList<>();
        for (PostView post : posts) {
            Entry entry = new Entry();
            String url = site.absolute("/news/" + post.slug());
            entry.setId(url);
            entry.setTitle(post.title());
            entry.setAlternateLinks(List.of(link("alternate", url, "text/html")));
            entry.setPublished(Date.from(post.publishedAt()));
            entry.setUpdated(Date.from(post.lastChanged()));
            Content summary = new Content();
            summary.setType("text");
            summary.setValue(post.excerpt());
            entry.setSummary(summary);
            Content content = new Content();
            content.setType("html");
            content.setValue(post.bodyHtml());
            entry.setContents(List.of(content));
            List<Category> categories = new ArrayList<>();
            post.categories().forEach(t -> categories.add(category(t, "category")));
            post.regions().forEach(t -> categories.add(category(t, "region")));
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);
        // ROME's Atom generator leaves the feed's language out; Atom carries it as xml:lang on the root element,
        // set on the JDOM document ROME builds before it is written.
        Document document = new WireFeedOutput().outputJDom(feed);
        document.getRootElement().setAttribute("lang", locale.getLanguage(), Namespace.XML_NAMESPACE);
        Format format = Format.getPrettyFormat().setEncoding(StandardCharsets.UTF_8.name());
        return ResponseEntity.ok().contentType(ATOM).body(new XMLOutputter(format).outputString(document));
    }

    private String title(NewsPage filters, Locale locale) {
        StringBuilder title = new StringBuilder(messages.getMessage("news.feed.title", null, locale));
        if (filters.category() != null) {
            title.append(" · ").append(filters.category().name());
        }
        if (filters.region() != null) {
            title.append(" · ").append(filters.region().name());
        }
        return title.toString();
    }

    private Category category(Term term, String scheme) {
        Category category = new Category();
        category.setTerm(term.slug());
        category.setLabel(term.name());
        category.setScheme(site.absolute("/news?" + scheme + "="));
        return category;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}

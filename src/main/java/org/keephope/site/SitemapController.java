package org.keephope.site;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.keephope.campaign.Campaigns;
import org.keephope.news.News;
import org.keephope.web.SiteProperties;
import org.keephope.web.SupportedLocales;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

@RestController
class SitemapController {

    private final Campaigns campaigns;
    private final News news;
    private final SiteProperties site;

    SitemapController(Campaigns campaigns, News news, SiteProperties site) {
        this.campaigns = campaigns;
        this.news = news;
        this.site = site;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemap() {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, "/", null);
        url(xml, "/news", null);
        campaigns.published(SupportedLocales.ENGLISH).forEach(c -> url(xml, "/campaigns/" + c.slug(), c.updatedAt()));
        news.allPublished(SupportedLocales.ENGLISH).forEach(p -> url(xml, "/news/" + p.slug(), p.publishedAt()));
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }

    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        return "User-agent: *\nDisallow: /admin/\nDisallow: /confirm/\nDisallow: /erase/\nDisallow: /dev/\n\nSitemap: "
                + site.absolute("/sitemap.xml") + "\n";
    }

    private void url(StringBuilder xml, String path, java.time.Instant modified) {
        xml.append("  <url><loc>")
                .append(HtmlUtils.htmlEscape(site.absolute(path)))
                .append("</loc>");
        if (modified != null) {
            xml.append("<lastmod>")
                    .append(DateTimeFormatter.ISO_LOCAL_DATE.format(modified.atZone(ZoneOffset.UTC)))
                    .append("</lastmod>");
        }
        xml.append("</url>\n");
    }
}

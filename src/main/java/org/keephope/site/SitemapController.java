package org.keephope.site;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.keephope.campaign.Campaigns;
import org.keephope.news.News;
import org.keephope.web.SiteProperties;
import org.keephope.web.SupportedLocales;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SitemapController {

    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final Campaigns campaigns;
    private final News news;
    private final SiteProperties site;

    SitemapController(Campaigns campaigns, News news, SiteProperties site) {
        this.campaigns = campaigns;
        this.news = news;
        this.site = site;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemap() throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(SITEMAP);
        xml.writeCharacters("\n");
        url(xml, "/", null);
        url(xml, "/news", null);
        for (var c : campaigns.published(SupportedLocales.ENGLISH)) {
            url(xml, "/campaigns/" + c.slug(), c.updatedAt());
        }
        for (var p : news.allPublished(SupportedLocales.ENGLISH)) {
            url(xml, "/news/" + p.slug(), p.publishedAt());
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(out.toString());
    }

    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        return "User-agent: *\nDisallow: /admin/\nDisallow: /confirm/\nDisallow: /erase/\nDisallow: /dev/\n\nSitemap: "
                + site.absolute("/sitemap.xml") + "\n";
    }

    private void url(XMLStreamWriter xml, String path, Instant modified) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("url");
        element(xml, "loc", site.absolute(path));
        if (modified != null) {
            element(xml, "lastmod", DateTimeFormatter.ISO_LOCAL_DATE.format(modified.atZone(ZoneOffset.UTC)));
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}

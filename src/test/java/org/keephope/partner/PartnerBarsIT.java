package org.keephope.partner;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.keephope.account.SignedInStaff;
import org.keephope.coalition.Organisations;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The bars per partner (issue 14): on the staff start page one group of bars per partner, the same figures in the
 * table beside it and in {@link Partners#lines}; on a partner's own page its own bars alone, no other partner's
 * name or figures.
 */
class PartnerBarsIT extends AbstractIntegrationTest {

    static final String PAGE = "/campaigns/keep-hope-alive";

    @Autowired
    ApplicationContext context;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void partnersAsTheDemoSetsThemUp() {
        DemoPartners.asTheDemoSetsThemUp(context);
    }

    long org(String slug) {
        return organisations.bySlug(slug).orElseThrow().id();
    }

    HttpResponse<String> as(SignedInStaff.Session session, String path) {
        return get(path, "Cookie", session.cookie());
    }

    HttpResponse<String> postAs(SignedInStaff.Session session, String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", session.csrf());
        return post(path, withToken, "Cookie", session.cookie(), "Origin", "http://localhost:" + port);
    }

    /** Signs the demo campaign, ticking the boxes of these partners, and confirms. */
    Signer signAndConfirm(String firstName, String src, String... partners) {
        String page = get(PAGE + (src == null ? "" : "?src=" + src)).body();
        Signer signer = new Signer(firstName, "SE");
        Matcher shown =
                Pattern.compile("name=\"consentShown\" value=\"([0-9 ]*)\"").matcher(page);
        assertThat(shown.find()).isTrue();
        signer.with("consentShown", shown.group(1));
        if (src != null) {
            signer.with("src", src);
        }
        for (String partner : partners) {
            String name = organisations.bySlug(partner).orElseThrow().name();
            Matcher box = Pattern.compile(
                            "id=\"consent_(\\d+)\" name=\"consent_\\d+\" value=\"on\">\\s*<label for=\"consent_\\d+\">"
                                    + Pattern.quote(name))
                    .matcher(page);
            assertThat(box.find()).as(partner).isTrue();
            signer.with("consent_" + box.group(1), "on");
        }
        assertThat(post(PAGE + "/sign", signer.formFrom(page)).statusCode()).isEqualTo(303);
        MimeMessage mail = signer.awaitMail();
        post(Signer.link(mail, "/confirm/"), Map.of());
        return signer;
    }

    @Autowired
    Partners partners;

    static String svgOf(String page, String id) {
        int figure = page.indexOf("id=\"" + id + "\"");
        assertThat(figure).as(id).isPositive();
        int start = page.indexOf("<svg", figure);
        int end = page.indexOf("</svg>", start) + "</svg>".length();
        return page.substring(start, end);
    }

    static Document xml(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** Per partner slug: {confirmed attributed, confirmed opt-ins} as the bars carry them (0 when no bar). */
    static Map<String, long[]> bars(Document svg) {
        Map<String, long[]> bars = new LinkedHashMap<>();
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!g.getAttribute("class").equals("chart-partner")) {
                continue;
            }
            long[] values = new long[2];
            NodeList rects = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
            for (int r = 0; r < rects.getLength(); r++) {
                Element rect = (Element) rects.item(r);
                long v = Long.parseLong(rect.getAttribute("data-value"));
                assertThat(Double.parseDouble(rect.getAttribute("width"))).isPositive();
                if (rect.getAttribute("class").contains("bar-attributed")) {
                    values[0] = v;
                } else if (rect.getAttribute("class").contains("bar-opt-ins")) {
                    values[1] = v;
                }
            }
            bars.put(g.getAttribute("data-partner"), values);
        }
        return bars;
    }

    /** Per partner slug: the figures of the table beside the chart. */
    static Map<String, long[]> table(String page, String id) {
        int start = page.indexOf("id=\"" + id + "-table\"");
        assertThat(start).isPositive();
        String table = page.substring(start, page.indexOf("</table>", start));
        Matcher m = Pattern.compile("<tr data-partner=\"([^\"]+)\"><th scope=\"row\">[^<]+</th>"
                        + "<td class=\"num attributed\" data-value=\"(\\d+)\">[^<]+</td>"
                        + "<td class=\"num opt-ins\" data-value=\"(\\d+)\">")
                .matcher(table);
        Map<String, long[]> rows = new LinkedHashMap<>();
        while (m.find()) {
            rows.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
        }
        return rows;
    }

    @Test
    void staffSeeOneGroupOfBarsPerPartnerAndAPartnerItsOwnAlone() throws Exception {
        signAndConfirm("Ida", "front-line-defenders", "front-line-defenders");
        signAndConfirm("Jon", "civil-rights-defenders", "civil-rights-defenders", "front-line-defenders");

        long campaign = jdbc.sql("select id from campaign where slug = 'keep-hope-alive'")
                .query(Long.class)
                .single();
        Map<String, long[]> expected = new HashMap<>();
        for (var line : partners.lines(campaign)) {
            expected.put(line.slug(), new long[] {line.attributedConfirmed(), line.optInsConfirmed()});
        }
        assertThat(expected.get("front-line-defenders")[0]).isPositive();
        assertThat(expected.get("civil-rights-defenders")[0]).isPositive();

        var admin = SignedInStaff.admin(context, port);
        String id = "partner-bars-keep-hope-alive";
        for (String lang : List.of("en", "ru")) {
            String page = get("/admin?lang=" + lang, "Cookie", admin.cookie()).body();
            org.keephope.support.Screens.save("admin-partner-bars-" + lang, page);
            Document svg = xml(svgOf(page, id));
            NodeList titles = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
            assertThat(titles.getLength()).isEqualTo(1);
            assertThat(titles.item(0).getTextContent())
                    .isEqualTo(
                            lang.equals("en")
                                    ? "Signatures and opt-ins by partner"
                                    : "Подписи и согласия по партнёрам");
            Map<String, long[]> bars = bars(svg);
            assertThat(bars.keySet()).as("one group of bars per partner").isEqualTo(expected.keySet());
            Map<String, long[]> table = table(page, id);
            for (var e : expected.entrySet()) {
                assertThat(bars.get(e.getKey())).as("bars of " + e.getKey()).containsExactly(e.getValue());
                assertThat(table.get(e.getKey())).as("table of " + e.getKey()).containsExactly(e.getValue());
            }
            assertThat(page).doesNotContain("no chart over time yet").doesNotContain("графика по времени пока нет");
        }

        // a partner's own page: its bars alone, nothing of another partner
        var fld = SignedInStaff.partner(context, port, org("front-line-defenders"));
        String own = get("/partner", "Cookie", fld.cookie()).body();
        org.keephope.support.Screens.save("partner-bars-en", own);
        org.keephope.support.Screens.save(
                "partner-bars-ru",
                get("/partner?lang=ru", "Cookie", fld.cookie()).body());
        Document svg = xml(svgOf(own, id));
        Map<String, long[]> bars = bars(svg);
        assertThat(bars.keySet()).containsExactly("front-line-defenders");
        assertThat(bars.get("front-line-defenders")[0]).isEqualTo(expected.get("front-line-defenders")[0]);
        assertThat(table(own, id).keySet()).containsExactly("front-line-defenders");
        for (var other : expected.keySet()) {
            if (!other.equals("front-line-defenders")) {
                String name = organisations.bySlug(other).orElseThrow().name();
                assertThat(own).as(other).doesNotContain(name).doesNotContain("data-partner=\"" + other + "\"");
            }
        }
    }
}

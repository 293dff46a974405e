package org.keephope.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.signature.SignerLinks;
import org.keephope.support.AbstractIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;

class StatsIT extends AbstractIntegrationTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    SignerLinks links;

    @Autowired
    org.keephope.campaign.CampaignEditing editing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Stats stats;

    @Autowired
    org.springframework.context.ApplicationContext context;

    StatsFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new StatsFixtures(campaigns, links, jdbc);
    }

    @Test
    void theMapHasOneTitledShapePerCountryWithFiveOrMoreAndNeverNamesASmallerCount() {
        String slug = fixtures.campaign(CampaignStatus.LIVE);
        for (int i = 0; i < 6; i++) {
            fixtures.confirm(slug, "DE");
        }
        for (int i = 0; i < 5; i++) {
            fixtures.confirm(slug, "BR");
        }
        for (int i = 0; i < 3; i++) {
            fixtures.confirm(slug, "FR");
        }

        HttpResponse<String> svg = get("/campaigns/" + slug + "/charts/map.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("public").contains("max-age="));
        assertThat(svg.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        c -> assertThat(c).contains("default-src 'self'").doesNotContain("unsafe-inline"));
        var document = Svgs.parse(svg.body());
        List<Element> paths = Svgs.elements(document, "path");
        Map<String, String> counted = paths.stream()
                .filter(p -> Svgs.hasClass(p, "counted"))
                .collect(Collectors.toMap(p -> p.getAttribute("data-country"), Svgs::title));
        assertThat(counted).containsOnly(Map.entry("DE", "Germany: 6"), Map.entry("BR", "Brazil: 5"));
        List<Element> france =
                paths.stream().filter(p -> "France".equals(Svgs.title(p))).toList();
        assertThat(france)
                .as("France is drawn like a country with no signature")
                .hasSize(1);
        assertThat(france.get(0).getAttribute("fill")).isEqualTo(WorldMapChart.NONE);
        assertThat(france.get(0).getAttribute("class")).isEqualTo("country");
        assertThat(paths).allSatisfy(p -> assertThat(p.getAttribute("style")).isEmpty());
        assertThat(Svgs.elements(document, "script")).isEmpty();
        assertThat(svg.body()).doesNotContain("France: ").doesNotContain("\"FR\"");

        // the table beside the map holds the figures of the count API
        String page = get("/campaigns/" + slug + "/stats").body();
        String api = get("/api/campaigns/" + slug).body();
        assertThat(api).contains("\"byCountry\":{\"DE\":6,\"BR\":5}").contains("\"otherCountries\":3");
        assertThat(tableRows(page, "map-table"))
                .containsExactly(Map.entry("DE", 6L), Map.entry("BR", 5L), Map.entry("", 3L));
        assertThat(page).doesNotContain("France: ").doesNotContain("data-country=\"FR\"");
        Element inlineMap = Svgs.parse(between(page, "<figure class=\"chart-figure map\"", "<figcaption"))
                .getDocumentElement();
        assertThat(inlineMap.getAttribute("role")).isEqualTo("img");

        // and so does the CSV
        assertThat(get("/campaigns/" + slug + "/charts/map.csv").body())
                .isEqualTo("country,name,signatures\r\nDE,\"Germany\",6\r\nBR,\"Brazil\",5\r\n"
                        + ",\"Countries with fewer than 5 each, together\",3\r\n");
        assertThat(get("/campaigns/" + slug + "/charts/map.csv?lang=ru").body()).contains("DE,\"Германия\",6");
    }

    @Test
    void countsOverTimeAreExactAfterReconciliationAndAnErasureKeepsOnlyTheDay() {
        String slug = fixtures.campaign(CampaignStatus.LIVE);
        long campaign = fixtures.id(slug);
        var first = fixtures.confirm(slug, "PT");
        var second = fixtures.confirm(slug, "PT");
        fixtures.confirm(slug, "ES");
        var last = fixtures.confirm(slug, "ES");
        assertThat(stats.reconcile(campaign)).as("kept as they happened").isZero();

        // two signatures confirmed three days ago, as a counter lost to a crash could leave them
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant threeDaysAgo = today.minusDays(3).atTime(14, 30).toInstant(ZoneOffset.UTC);
        jdbc.sql("update signature set confirmed_at = ? where id in (?, ?)")
                .params(OffsetDateTime.ofInstant(threeDaysAgo, ZoneOffset.UTC), first.id(), second.id())
                .update();
        assertThat(stats.reconcile(campaign)).isEqualTo(4);
        assertThat(stats.reconcile(campaign)).as("nothing left to correct").isZero();
        assertThat(jdbc.sql("select count(*) from (select hour_utc, country from stats_hourly where campaign_id = ?"
                                + " and hour_utc < ? group by hour_utc, country having count(*) > 1) spread")
                        .params(campaign, Hours.of(Instant.now()) - 1)
                        .query(Long.class)
                        .single())
                .as("past hours folded into one row each")
                .isZero();

        OverTime overTime = stats.overTimeNow(campaign);
        assertThat(overTime.days())
                .containsExactly(
                        new DayCount(today.minusDays(3), 2, 2),
                        new DayCount(today.minusDays(2), 0, 2),
                        new DayCount(today.minusDays(1), 0, 2),
                        new DayCount(today, 2, 4));
        assertThat(get("/campaigns/" + slug + "/charts/over-time.csv").body())
                .isEqualTo("day,signatures,cumulative\r\n"
                        + today.minusDays(3) + ",2,2\r\n" + today.minusDays(2) + ",0,2\r\n"
                        + today.minusDays(1) + ",0,2\r\n" + today + ",2,4\r\n");
        String page = get("/campaigns/" + slug + "/stats").body();
        assertThat(overTimeRows(page))
                .containsExactly(List.of(2L, 2L), List.of(0L, 2L), List.of(0L, 2L), List.of(2L, 4L));
        var svg = Svgs.parse(get("/campaigns/" + slug + "/charts/over-time.svg").body());
        assertThat(Svgs.elements(svg, "rect").stream()
                        .filter(r -> r.getParentNode() instanceof Element g && Svgs.hasClass(g, "chart-bars")))
                .as("a bar per day with signatures")
                .hasSize(2);
        assertThat(Svgs.elements(svg, "polyline").get(0).getAttribute("points").split(" "))
                .hasSize(4);
        assertThat(Svgs.elements(svg, "text").stream().map(Element::getTextContent))
                .anyMatch(t -> t.startsWith("Launch · "))
                .anyMatch(t -> t.startsWith("Summit <&> \"talks\""))
                .anyMatch(t -> t.startsWith("Deadline"));

        // erasing keeps the day, not the hour: the count moves to the day's first hour, and stays exact
        long lastHour = jdbc.sql("select cast(floor(extract(epoch from confirmed_at) / 3600) as bigint)"
                        + " from signature where id = ?")
                .param(last.id())
                .query(Long.class)
                .single();
        fixtures.erase(last);
        assertThat(stats.reconcile(campaign))
                .as("the erasure moved the count itself")
                .isZero();
        long dayStart = Math.floorDiv(lastHour, 24) * 24;
        assertThat(hourCount(campaign, dayStart, "ES")).isGreaterThanOrEqualTo(1);
        assertThat(stats.overTimeNow(campaign).total()).isEqualTo(4);
    }

    @Test
    void aCampaignWithoutSignaturesSaysSoInsteadOfDrawingEmptyAxes() {
        String slug = fixtures.campaign(CampaignStatus.LIVE);
        var overTime =
                Svgs.parse(get("/campaigns/" + slug + "/charts/over-time.svg").body());
        assertThat(Svgs.elements(overTime, "text").stream().map(Element::getTextContent))
                .contains("No signatures yet.");
        assertThat(Svgs.elements(overTime, "line")).isEmpty();
        assertThat(Svgs.elements(overTime, "polyline")).isEmpty();
        var map = Svgs.parse(get("/campaigns/" + slug + "/charts/map.svg").body());
        assertThat(Svgs.elements(map, "text").stream().map(Element::getTextContent))
                .contains("No signatures yet");
        assertThat(Svgs.elements(map, "path").stream().filter(p -> Svgs.hasClass(p, "counted")))
                .isEmpty();
        String page = get("/campaigns/" + slug + "/stats").body();
        assertThat(page).contains("No signatures yet.").doesNotContain("id=\"over-time-table\"");
        assertThat(get("/campaigns/" + slug + "/charts/over-time.csv").body())
                .isEqualTo("day,signatures,cumulative\r\n");
        assertThat(get("/campaigns/" + slug + "/stats?lang=ru").body()).contains("Подписей пока нет.");
    }

    @Test
    void theCampaignPageAndTheStaffStartPageShowTheSmallChartOfSignaturesOverTime() {
        String slug = fixtures.campaign(CampaignStatus.LIVE);
        String quiet = fixtures.campaign(CampaignStatus.LIVE);
        for (int i = 0; i < 3; i++) {
            fixtures.confirm(slug, "DE");
        }

        String page = get("/campaigns/" + slug).body();
        String section = between(page, "<section class=\"in-figures\"", "</section>");
        assertThat(section.split("<polyline", -1)).as("one cumulative line").hasSize(2);
        assertThat(section)
                .contains("<strong>Signatures over time.</strong> 3 confirmed signatures")
                .contains("href=\"/campaigns/" + slug + "/stats\"")
                .as("small: no table or downloads on the campaign page")
                .doesNotContain("over-time-table")
                .doesNotContain("over-time.csv");
        String quietSection =
                between(get("/campaigns/" + quiet + "?lang=ru").body(), "<section class=\"in-figures\"", "</section>");
        assertThat(quietSection)
                .as("no empty chart, only the way to the figures")
                .doesNotContain("<svg")
                .contains("href=\"/campaigns/" + quiet + "/stats\"");

        var staff = org.keephope.account.SignedInStaff.admin(context, port);
        String admin = get("/admin", "Cookie", staff.cookie()).body();
        assertThat(admin)
                .as("one chart for each campaign with signatures, each with ids of its own")
                .contains("id=\"over-time-" + slug + "-caption\"")
                .doesNotContain("id=\"over-time-" + quiet + "-caption\"")
                .contains("By partner: the bars below show");
    }

    @Test
    void theLaunchIsWhenADraftIsFirstPublishedAndAReopeningKeepsIt() {
        String slug = fixtures.campaign(CampaignStatus.DRAFT);
        long id = fixtures.id(slug);
        assertThat(campaigns.launchedAt(id)).isEmpty();
        assertThat(editing.move(slug, org.keephope.campaign.CampaignEditing.Transition.PUBLISH, "test"))
                .isTrue();
        var launched = campaigns.launchedAt(id).orElseThrow();
        assertThat(editing.move(slug, org.keephope.campaign.CampaignEditing.Transition.CLOSE, "test"))
                .isTrue();
        assertThat(editing.move(slug, org.keephope.campaign.CampaignEditing.Transition.REOPEN, "test"))
                .isTrue();
        assertThat(campaigns.launchedAt(id)).contains(launched);
        fixtures.confirm(slug, "DE");
        assertThat(Svgs.elements(
                                Svgs.parse(get("/campaigns/" + slug + "/charts/over-time.svg?lang=ru")
                                        .body()),
                                "text")
                        .stream()
                        .map(Element::getTextContent))
                .anyMatch(t -> t.startsWith("Запуск · "));
        assertThat(get("/campaigns/" + slug + "/stats?lang=ru").body())
                .as("one full stop after a Russian date that ends a sentence")
                .contains(" г.")
                .doesNotContain("г..");
    }

    @Test
    void anUnknownKindOrCampaignIsNotFound() {
        String slug = fixtures.campaign(CampaignStatus.LIVE);
        String draft = fixtures.campaign(CampaignStatus.DRAFT);
        for (String path : List.of(
                "/campaigns/no-such-campaign/stats",
                "/campaigns/" + draft + "/stats",
                "/campaigns/" + slug + "/charts/pie.svg",
                "/campaigns/" + slug + "/charts/pie.csv",
                "/campaigns/no-such-campaign/charts/map.svg",
                "/campaigns/no-such-campaign/charts/over-time.csv",
                "/campaigns/" + draft + "/charts/over-time.svg")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        }
        assertThat(get("/campaigns/" + slug + "/charts/progress.svg").statusCode())
                .isEqualTo(200);
        assertThat(get("/campaigns/" + slug + "/charts/progress.csv").body()).isEqualTo("signatures,goal\r\n0,100\r\n");
    }

    private long hourCount(long campaign, long hour, String country) {
        return jdbc.sql(
                        "select coalesce(sum(n), 0) from stats_hourly where campaign_id = ? and hour_utc = ? and country = ?")
                .params(campaign, hour, country)
                .query(Long.class)
                .single();
    }

    /** The rows of the country table: code (empty for the unnamed rest) and figure, in order. */
    static Map<String, Long> tableRows(String page, String tableId) {
        String table = between(page, "<table id=\"" + tableId + "\"", "</table>");
        Map<String, Long> rows = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<tr data-country=\"([A-Z]*)\">.*?data-value=\"(\\d+)\"", Pattern.DOTALL)
                .matcher(table);
        while (m.find()) {
            rows.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return rows;
    }

    static List<List<Long>> overTimeRows(String page) {
        String table = between(page, "<table id=\"over-time-table\"", "</table>");
        Matcher m = Pattern.compile("<tr><th scope=\"row\">.*?data-value=\"(\\d+)\".*?data-value=\"(\\d+)\"")
                .matcher(table);
        List<List<Long>> rows = new java.util.ArrayList<>();
        while (m.find()) {
            rows.add(List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        }
        return rows;
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("finds " + start).isNotNegative();
        int svgFrom = start.startsWith("<figure") ? text.indexOf("<svg", from) : from;
        int to = text.indexOf(end, svgFrom);
        return text.substring(svgFrom, to);
    }
}

package org.keephope.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.Event;
import org.keephope.campaign.NewCampaign;
import org.keephope.support.AbstractIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class PublicPagesIT extends AbstractIntegrationTest {

    static final String CAMPAIGN = "/campaigns/keep-hope-alive";
    static final String POST = "/news/campaign-launch-world-leaders-challenge-russia-on-human-rights";

    @Autowired
    Campaigns campaigns;

    @Test
    void homeListsTheLiveCampaignAndTheLatestNews() {
        var home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains("href=\"" + CAMPAIGN + "\"")
                .contains("Keep Hope Alive")
                .contains("href=\"" + POST + "\"")
                .contains("Campaign launch: World leaders – challenge Russia on human rights")
                .contains("<html lang=\"en\">");
    }

    @Test
    void campaignPageShowsEventCoalitionPressContactAndShareLinks() {
        var page = get(CAMPAIGN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("G20 summit")
                .contains("St Petersburg")
                .contains("September 5, 2013")
                .contains("Since Putin’s return to presidency in 2012")
                .contains("href=\"https://crd.org/\"")
                .contains("Russian LGBT Network")
                .contains("Front Line Defenders")
                .contains("UNITED for Intercultural Action")
                .contains("ILGA-Europe")
                .contains("href=\"https://freedomhouse.org/\"")
                .contains("Cecilia Rosing")
                .contains("+46 707 89 60 14")
                .contains("https://t.me/share/url?url=http%3A%2F%2Fkeephope.test%2Fcampaigns%2Fkeep-hope-alive")
                .doesNotContainPattern("<script(?![^>]*src=\"/[^/])");
    }

    @Test
    void aDraftIsNotPublic() {
        campaigns.create(new NewCampaign(
                "secret-draft",
                CampaignStatus.DRAFT,
                "en",
                "Draft",
                "Not yet",
                "Body",
                null,
                null,
                new Event("Summit", "Somewhere", LocalDate.of(2030, 1, 1), null),
                null,
                null,
                null));
        assertThat(get("/campaigns/secret-draft").statusCode()).isEqualTo(404);
        assertThat(get("/").body()).doesNotContain("secret-draft");
        assertThat(get("/sitemap.xml").body()).doesNotContain("secret-draft");
    }

    @Test
    void newsCanBeFilteredByRegionAndCategoryTogether() {
        assertThat(get("/news?region=russia").body()).contains(POST);
        assertThat(get("/news?category=news").body()).contains(POST);
        var both = get("/news?category=news&region=russia");
        assertThat(both.statusCode()).isEqualTo(200);
        assertThat(both.body()).contains(POST).contains("href=\"/feeds/news.atom?category=news&amp;region=russia\"");
    }

    @Test
    void postShowsItsCategoriesRegionsAndCampaign() {
        var post = get(POST);
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body())
                .contains("href=\"/news?category=news\"")
                .contains("href=\"/news?region=russia\"")
                .contains("href=\"" + CAMPAIGN + "\"")
                .contains("For more information please contact Cecilia Rosing");
    }

    @Test
    void unknownSlugsAndFiltersGiveTheFriendly404Page() {
        for (String path : new String[] {
            "/campaigns/nope",
            "/news/nope",
            "/news?region=atlantis",
            "/news?category=x",
            "/feeds/news.atom?region=atlantis",
            "/no/such/page"
        }) {
            var page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Page not found").doesNotContain("Exception");
        }
        assertThat(get("/campaigns/nope?lang=ru").body()).contains("Страница не найдена");
    }

    @Test
    void malformedPageAndLanguageAreIgnoredOrClamped() {
        for (String query : new String[] {
            "page=abc",
            "page=-5",
            "page=99999999999",
            "page=",
            "page=999",
            "lang=xx",
            "lang=%3Cscript%3E",
            "lang=" + "a".repeat(500)
        }) {
            var page = get("/news?" + query);
            assertThat(page.statusCode()).as(query).isEqualTo(200);
            assertThat(page.body()).as(query).contains(POST);
        }
    }

    @Test
    void anonymousReadersGetNoCookieUnlessTheyChooseALanguage() {
        for (String path : new String[] {"/", CAMPAIGN, "/news", POST, "/feeds/news.atom", "/campaigns/nope"}) {
            assertThat(get(path).headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        var chosen = get(CAMPAIGN + "?lang=ru");
        assertThat(chosen.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c ->
                        assertThat(c).startsWith("lang=ru").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void languageComesFromParameterThenCookieThenAcceptLanguage() {
        assertThat(get("/?lang=ru").body()).contains("<html lang=\"ru\">").contains("Текущие кампании");
        assertThat(get("/", "Cookie", "lang=ru").body()).contains("<html lang=\"ru\">");
        assertThat(get("/", "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").body())
                .contains("<html lang=\"ru\">");
        assertThat(get("/", "Accept-Language", "de-DE,de;q=0.9").body()).contains("<html lang=\"en\">");
        assertThat(get("/?lang=en", "Cookie", "lang=ru").body()).contains("<html lang=\"en\">");
    }

    @Test
    void russianReadersGetTranslatedContentAndDates() {
        var page = get(CAMPAIGN + "?lang=ru");
        assertThat(page.body())
                .contains("Не дадим надежде угаснуть")
                .contains("5 сентября 2013")
                // the body has no Russian translation: it falls back to the original
                .contains("Since Putin’s return to presidency in 2012");
        assertThat(get("/news?lang=ru").body()).contains("Запуск кампании").contains(">Россия<");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/", CAMPAIGN, "/news", "/campaigns/nope"}) {
            var headers = get(path).headers();
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline")
                            .doesNotContain("unsafe-eval"));
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    void sitemapRobotsAndHealth() {
        var sitemap = get("/sitemap.xml");
        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(sitemap.body())
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
                .contains("<loc>http://keephope.test/campaigns/keep-hope-alive</loc>")
                .contains("<loc>http://keephope.test" + POST + "</loc>");
        assertThat(get("/robots.txt").body()).contains("Sitemap: http://keephope.test/sitemap.xml");
        var health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void pagesLoadNothingFromOtherHosts() {
        for (String path : new String[] {"/", CAMPAIGN, "/news", POST}) {
            String body = get(path).body();
            assertThat(body)
                    .as(path)
                    .doesNotContainPattern("(src|href)=\"(https?:)?//[^\"]*\\.(css|js|woff2?|ttf|png|jpe?g|svg|webp)");
            assertThat(body).as(path).doesNotContainPattern("<(script|link|img)[^>]+(src|href)=\"(https?:)?//");
        }
    }
}

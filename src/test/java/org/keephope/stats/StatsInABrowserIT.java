package org.keephope.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.CampaignStatus;
import org.keephope.campaign.Campaigns;
import org.keephope.signature.SignerLinks;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public stats page in Debian's Chromium, in English and Russian (issue 14, tests): with JavaScript off and
 * on it asks no other origin for anything and holds no script; and axe-core (the webjar, a test dependency: the
 * page never carries it) finds no serious or critical violation. axe is put into the page by the test through
 * WebDriver, which the page's Content-Security-Policy does not stop; a reader's browser never gets it.
 */
class StatsInABrowserIT extends AbstractIntegrationTest {

    /** The axe-core webjar's version, as in pom.xml. */
    static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    @Autowired
    Campaigns campaigns;

    @Autowired
    SignerLinks links;

    @Autowired
    JdbcClient jdbc;

    String slug;

    @BeforeEach
    void aCampaignWithSignaturesFromThreeCountries() {
        var fixtures = new StatsFixtures(campaigns, links, jdbc);
        slug = fixtures.campaign(CampaignStatus.LIVE);
        for (String country : List.of("DE", "DE", "DE", "DE", "DE", "DE", "FR", "FR", "FR", "FR", "FR", "IT")) {
            fixtures.confirm(slug, country);
        }
    }

    @Test
    void theStatsPageLoadsNothingFromElsewhereAndHoldsNoScriptWithJavaScriptOffAndOn() {
        for (boolean javascript : List.of(false, true)) {
            try (Browser browser = javascript ? Browser.start() : Browser.withoutJavaScript()) {
                for (String lang : List.of("en", "ru")) {
                    browser.driver().get(url("/campaigns/" + slug + "/stats?lang=" + lang));
                    String source = browser.driver().getPageSource();
                    assertThat(source).contains("<svg").doesNotContainIgnoringCase("<script");
                    if (javascript) {
                        assertThat(browser.driver().executeScript("return document.scripts.length"))
                                .isEqualTo(0L);
                    }
                    assertThat(browser.requestedUrls())
                            .isNotEmpty()
                            .allSatisfy(u -> assertThat(u).startsWith(url("/")));
                    assertThat(browser.consoleErrors()).as(lang).isEmpty();
                }
            }
        }
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnTheStatsPageInEitherLanguage() throws IOException {
        String axe = axeSource();
        try (Browser browser = Browser.start()) {
            for (String lang : List.of("en", "ru")) {
                browser.driver().get(url("/campaigns/" + slug + "/stats?lang=" + lang));
                browser.driver().executeScript(axe);
                @SuppressWarnings("unchecked")
                var violations = (List<Map<String, Object>>) browser.driver().executeAsyncScript("""
                                const done = arguments[arguments.length - 1];
                                axe.run(document, {resultTypes: ['violations']})
                                   .then(r => done(r.violations.map(v => ({
                                       id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))))
                                   .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                                """);
                List<String> serious = new ArrayList<>();
                for (var v : violations) {
                    String line = lang + " " + v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " "
                            + v.get("nodes");
                    System.out.println("axe: " + line);
                    if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                        serious.add(line);
                    }
                }
                assertThat(serious).as("serious or critical axe violations").isEmpty();
            }
        }
    }

    private String axeSource() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(AXE)) {
            assertThat(in).as("the axe-core webjar on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

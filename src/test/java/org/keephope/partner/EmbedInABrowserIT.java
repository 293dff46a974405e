package org.keephope.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.MemberRole;
import org.keephope.coalition.Organisations;
import org.keephope.signature.TestCampaignsAccess;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embed as a partner's website uses it, in Chromium with JavaScript on and off: a page on the partner's
 * origin frames the form and a supporter signs inside the frame; a page on any other origin cannot frame it;
 * no cookie is set anywhere, and nothing is fetched from a third host.
 */
class EmbedInABrowserIT extends AbstractIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Organisations organisations;

    @Autowired
    Partners partners;

    @Autowired
    JdbcClient jdbc;

    HttpServer partnerSite;
    HttpServer strangerSite;
    String slug;

    /**
     * A website whose page frames the embed, reached by the browser as {@code partner.test} or
     * {@code stranger.test} (other sites than the app's localhost; names, not addresses, since no IP address may
     * be stored anywhere and the origin is stored).
     */
    HttpServer site(String embedPath) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String app = "http://localhost:" + port;
            byte[] page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Partner</title></head><body>"
                            + "<h1>A partner's page</h1>"
                            + "<iframe id=\"kh\" src=\"" + app + embedPath + "\" title=\"Sign\" width=\"600\""
                            + " height=\"300\"></iframe>"
                            + "<script src=\"" + app + "/embed/resize.js\" async></script>"
                            + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    String origin(HttpServer server) {
        return "http://" + (server == partnerSite ? "partner.test" : "stranger.test") + ":"
                + server.getAddress().getPort();
    }

    @BeforeEach
    void aCampaignWithOnePartnerOnItsOwnWebsite() throws IOException {
        slug = TestCampaignsAccess.live(context);
        String embed = "/embed/campaigns/" + slug + "?src=freedom-house&lang=en";
        partnerSite = site(embed);
        strangerSite = site(embed);
        long campaign = campaigns.ref(slug).orElseThrow().id();
        var freedomHouse = organisations.bySlug("freedom-house").orElseThrow();
        campaigns.addMember(campaign, freedomHouse, MemberRole.SUPPORTER, 0);
        partners.configure(campaign, freedomHouse, true, origin(partnerSite), Map.of(), "test");
    }

    @AfterEach
    void stopSites() {
        partnerSite.stop(0);
        strangerSite.stop(0);
    }

    @Test
    void withJavaScriptTheFrameIsSignedInAndResizedWithoutACookie() {
        try (Browser browser = Browser.resolvingToLoopback(true, "partner.test", "stranger.test")) {
            signInTheFrame(browser, "Ines");
            WebDriver driver = browser.driver();
            driver.switchTo().defaultContent();
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("kh")).getAttribute("style").contains("height"));
        }
    }

    @Test
    void withoutJavaScriptTheFrameIsSignedInWithoutACookie() {
        try (Browser browser = Browser.resolvingToLoopback(false, "partner.test", "stranger.test")) {
            signInTheFrame(browser, "Jon");
            WebDriver driver = browser.driver();
            driver.switchTo().defaultContent();
            assertThat(driver.findElement(By.id("kh")).getAttribute("style"))
                    .as("no script ran")
                    .doesNotContain("height");
        }
    }

    private void signInTheFrame(Browser browser, String firstName) {
        WebDriver driver = browser.driver();
        List<String> requests = new ArrayList<>();
        String email = firstName.toLowerCase() + "-" + System.nanoTime() + "@example.org";

        // a stranger's page: the browser refuses to show the form in its frame, and says why
        driver.get(origin(strangerSite) + "/");
        List<String> console = new ArrayList<>();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            console.addAll(browser.consoleErrors());
            return console.stream().anyMatch(e -> e.contains("frame-ancestors"));
        });
        assertThat(console)
                .as("refused because of the embed's own frame-ancestors, naming the partner alone")
                .anyMatch(e -> e.contains("frame-ancestors " + origin(partnerSite)));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("kh")));
        assertThat(driver.findElements(By.id("sign-title")))
                .as("framed by an origin that is not the partner's")
                .isEmpty();
        driver.switchTo().defaultContent();
        requests.addAll(browser.requestedUrls());

        driver.get(origin(partnerSite) + "/");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("kh")));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("sign-title")));
        driver.findElement(By.id("firstName")).sendKeys(firstName);
        driver.findElement(By.id("lastName")).sendKeys("Framed");
        driver.findElement(By.id("email")).sendKeys(email);
        new Select(driver.findElement(By.id("country"))).selectByVisibleText("Norway");
        driver.findElement(By.xpath("//label[starts-with(normalize-space(.), 'Freedom House')]"))
                .click();
        driver.findElement(By.cssSelector("form[action*='/sign'] button[type=submit]"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Check your email"));
        requests.addAll(browser.requestedUrls());

        @SuppressWarnings("unchecked")
        var cookies = (List<Object>) browser.driver()
                .executeCdpCommand("Network.getAllCookies", Map.of())
                .get("cookies");
        assertThat(cookies).as("no cookie, on either site").isEmpty();
        assertThat(requests)
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u)
                        .satisfiesAnyOf(
                                x -> assertThat(x).startsWith("http://localhost:" + port + "/"),
                                x -> assertThat(x).startsWith(origin(partnerSite) + "/"),
                                x -> assertThat(x).startsWith(origin(strangerSite) + "/")));

        long campaign = campaigns.ref(slug).orElseThrow().id();
        long freedomHouse = organisations.bySlug("freedom-house").orElseThrow().id();
        assertThat(jdbc.sql("""
                        select count(*) from partner_consent c
                          join signature_source s on s.signature_id = c.signature_id
                         where c.campaign_id = ? and c.organisation_id = ? and c.ticked = true
                           and c.page = ? and s.organisation_id = ?
                        """)
                        .params(campaign, freedomHouse, "/embed/campaigns/" + slug, freedomHouse)
                        .query(Long.class)
                        .single())
                .as("the box ticked in the frame, attributed to the partner by ?src=")
                .isEqualTo(1);
    }
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

class StaffJourneyIT extends AbstractIntegrationTest {

    static void waitFor(WebDriver driver, By element) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(element).isEmpty());
    }

    /** After a click the browser may still show the old page for a moment: wait for the next one. */
    static void waitForUrl(WebDriver driver, String part) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains(part));
    }

    @Autowired
    AccountSetup setup;

    @Autowired
    Clock clock;

    @Test
    void theFirstAdminSetsUpSignsInEnrolsTotpSeesTheStaffAreaAndSignsOut() {
        String link = setup.firstAdminLink().replace(BASE_URL, "");
        String email = "first-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String password = "a long and unguessable passphrase";
        try (Browser browser = Browser.withoutJavaScript()) {
            WebDriver driver = browser.driver();
            driver.get(url(link));
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("name")).sendKeys("Ada Admin");
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            waitForUrl(driver, "/login");

            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            waitForUrl(driver, "/login/totp/enrol");
            assertThat(driver.findElement(By.cssSelector("img.qr")).getAttribute("src"))
                    .startsWith("data:image/svg+xml;base64,");

            byte[] secret =
                    Base32.decode(driver.findElement(By.id("totp-secret")).getText());
            String code = Totp.code(secret, Math.floorDiv(clock.instant().getEpochSecond(), 30), 6);
            driver.findElement(By.id("code")).sendKeys(code);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            waitFor(driver, By.cssSelector(".recovery-codes li"));
            assertThat(driver.findElements(By.cssSelector(".recovery-codes li")))
                    .hasSize(10);

            driver.findElement(By.linkText("I have saved them, continue")).click();
            waitFor(driver, By.id("signed-in-as"));
            assertThat(driver.findElement(By.id("signed-in-as")).getText())
                    .contains("Ada Admin")
                    .contains(email);
            driver.findElement(By.linkText("Users")).click();
            waitForUrl(driver, "/admin/users");
            assertThat(driver.getPageSource()).contains(email);

            // a campaign: written as a draft (a 404 for the public), published, then on the home page
            String slug = "journey-" + UUID.randomUUID().toString().substring(0, 6);
            driver.get(url("/admin/campaigns/new"));
            driver.findElement(By.id("slug")).sendKeys(slug);
            driver.findElement(By.id("title")).sendKeys("Release the defenders " + slug);
            driver.findElement(By.id("summary")).sendKeys("Ask for their release.");
            driver.findElement(By.id("body")).sendKeys("They defended **everyone**.");
            driver.findElement(By.id("eventName")).sendKeys("OSCE meeting");
            driver.findElement(By.id("eventStarts")).sendKeys("2030-06-01");
            driver.findElement(By.cssSelector("form[action='/admin/campaigns'] button[type=submit]"))
                    .click();
            waitForUrl(driver, "/admin/campaigns/" + slug + "/edit");
            assertThat(get("/campaigns/" + slug).statusCode())
                    .as("a draft is a 404 for the public")
                    .isEqualTo(404);
            driver.findElement(By.cssSelector("button[name=transition][value=PUBLISH]"))
                    .click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("button[name=transition][value=CLOSE]"))
                                    .size()
                            == 1);
            driver.get(url("/"));
            driver.findElement(By.linkText("Release the defenders " + slug)).click();
            waitForUrl(driver, "/campaigns/" + slug);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Release the defenders " + slug);

            driver.get(url("/admin"));
            driver.findElement(By.id("sign-out")).click();
            waitForUrl(driver, "/login");
            driver.get(url("/admin"));
            waitForUrl(driver, "/login");

            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.requestedUrls())
                    .allSatisfy(u -> assertThat(u).matches("^(http://localhost:" + port + "/|data:).*"));
        }
        assertThat(setup.setupPage(link.substring("/setup/".length())))
                .as("the link works once")
                .isEmpty();
    }
}

package org.keephope.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Browser;
import org.keephope.support.Signer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A supporter in a real browser: sign → open the mail → confirm → the count goes up; with and without JavaScript. */
class SignerJourneyIT extends AbstractIntegrationTest {

    @Test
    void signConfirmAndSeeTheCountGoUp() {
        try (Browser browser = Browser.start()) {
            journey(browser, "Nadia");
        }
    }

    @Test
    void signConfirmAndSeeTheCountGoUpWithJavaScriptOff() {
        try (Browser browser = Browser.withoutJavaScript()) {
            journey(browser, "Oskar");
        }
    }

    private void journey(Browser browser, String firstName) {
        WebDriver driver = browser.driver();
        List<String> requests = new ArrayList<>();
        Signer signer = new Signer(firstName, "NO");

        driver.get(url("/campaigns/keep-hope-alive"));
        long before = count(driver);
        driver.findElement(By.id("firstName")).sendKeys(firstName);
        driver.findElement(By.id("lastName")).sendKeys("Tester");
        driver.findElement(By.id("email")).sendKeys("not an address");
        new Select(driver.findElement(By.id("country"))).selectByVisibleText("Norway");
        driver.findElement(By.id("showPublicly")).click();
        driver.findElement(By.cssSelector("form[action$='/sign'] button[type=submit]"))
                .click();

        // a mistake comes back beside its field, everything else kept
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("email-error")));
        assertThat(driver.findElement(By.id("email-error")).getText()).contains("Please enter an email address");
        assertThat(driver.findElement(By.id("firstName")).getAttribute("value")).isEqualTo(firstName);
        assertThat(new Select(driver.findElement(By.id("country")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Norway");
        assertThat(driver.findElement(By.id("showPublicly")).isSelected()).isTrue();

        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys(signer.email);
        driver.findElement(By.cssSelector("form[action$='/sign'] button[type=submit]"))
                .click();
        heading(driver, "Check your email");
        assertThat(driver.manage().getCookies()).as("signing needs no cookie").isEmpty();
        requests.addAll(browser.requestedUrls());
        // the re-rendered form answered 422, which Chrome reports in the console; nothing else may be there
        assertThat(browser.consoleErrors())
                .allSatisfy(e -> assertThat(e)
                        .contains("/campaigns/keep-hope-alive/sign")
                        .contains("status of 422"));

        String confirm = Signer.link(signer.awaitMail(), "/confirm/");
        driver.get(url(confirm));
        heading(driver, "Confirm your signature");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        heading(driver, "Thank you, your signature counts");
        driver.findElement(By.linkText("Back to the campaign")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("sign-title")));
        assertThat(count(driver)).isEqualTo(before + 1);

        driver.findElement(By.linkText("See who signed")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".signers")));
        assertThat(driver.findElement(By.cssSelector(".signers")).getText()).contains(firstName + ", Norway");
        requests.addAll(browser.requestedUrls());
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(requests).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(url("/")));
    }

    private static void heading(WebDriver driver, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    private static long count(WebDriver driver) {
        return Long.parseLong(
                driver.findElement(By.cssSelector(".count")).getText().replaceAll("[^0-9]", ""));
    }
}

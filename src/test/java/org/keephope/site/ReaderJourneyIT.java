package org.keephope.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Browser;
import org.openqa.selenium.By;

/** A reader in a real browser: home → campaign → news → filter by region → switch to Russian. */
class ReaderJourneyIT extends AbstractIntegrationTest {

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** A click starts the next page; wait until it is there rather than read the old one. */
    static void until(
            org.openqa.selenium.WebDriver driver,
            java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    @Test
    void homeToCampaignToNewsToRegionToRussian() {
        var driver = browser.driver();
        List<String> requests = new ArrayList<>();

        driver.get(url("/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Campaigns");
        driver.findElement(By.linkText("Keep Hope Alive: world leaders – challenge Russia on human rights"))
                .click();
        until(driver, d -> d.getCurrentUrl().endsWith("/campaigns/keep-hope-alive"));
        assertThat(driver.findElement(By.cssSelector(".event")).getText()).contains("G20 summit", "St Petersburg");
        assertThat(driver.findElements(By.cssSelector(".coalition li"))).hasSize(6);
        assertThat(driver.findElement(By.cssSelector(".press")).getText()).contains("Cecilia Rosing");
        requests.addAll(browser.requestedUrls());
        assertThat(browser.consoleErrors()).isEmpty();

        driver.findElement(By.linkText("News")).click();
        until(driver, d -> d.getCurrentUrl().endsWith("/news"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("News");
        driver.findElement(By.linkText("Russia")).click();
        until(driver, d -> d.getCurrentUrl().endsWith("/news?region=russia"));
        assertThat(driver.findElement(By.cssSelector(".filters")).getText()).contains("Region: Russia");
        assertThat(driver.findElement(By.cssSelector(".posts")).getText())
                .contains("Campaign launch: World leaders – challenge Russia on human rights");
        requests.addAll(browser.requestedUrls());
        assertThat(browser.consoleErrors()).isEmpty();

        driver.findElement(By.linkText("Русский")).click();
        until(driver, d -> "ru".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Новости");
        assertThat(driver.findElement(By.cssSelector(".filters")).getText()).contains("Регион: Россия");
        assertThat(driver.findElement(By.cssSelector(".posts")).getText()).contains("Запуск кампании");

        // the choice sticks: the next page is Russian without ?lang=
        driver.get(url("/campaigns/keep-hope-alive"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Не дадим надежде угаснуть");
        requests.addAll(browser.requestedUrls());
        assertThat(browser.consoleErrors()).isEmpty();

        assertThat(requests).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(url("/")));
        // the stylesheet by its content-hashed name (web.StaticAssets)
        assertThat(requests).anySatisfy(u -> assertThat(u).matches(".*/css/site-[0-9a-f]{32}\\.css"));
    }
}

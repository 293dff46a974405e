package org.keephope.account;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ApplicationContext;

/** Signs a new editor in through the real forms (password, then TOTP), for journeys of other modules. */
public final class StaffInBrowser {

    private StaffInBrowser() {}

    /** Creates an editor with a known second factor and signs in; the browser is then under {@code /admin}. */
    public static String signInAsEditor(WebDriver driver, ApplicationContext context, UnaryOperator<String> url) {
        StaffFixtures fixtures = StaffFixtures.from(context);
        StaffFixtures.Member member = fixtures.create(StaffRole.EDITOR);
        driver.get(url.apply("/login"));
        driver.findElement(By.id("email")).sendKeys(member.email());
        driver.findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().contains("/login/totp"));
        driver.findElement(By.id("code")).sendKeys(fixtures.code(member));
        driver.findElement(By.cssSelector("form[action='/login/totp'] button[type=submit]"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> java.net.URI.create(d.getCurrentUrl()).getPath().startsWith("/admin"));
        return member.email();
    }
}

package org.keephope.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chromium at the tests' base URL (so that the relying party of the configured base URL is the page's origin)
 * with WebDriver's virtual authenticators standing in for a phone or a security key.
 */
final class PasskeyBrowser implements AutoCloseable {

    final Browser browser;
    final ChromeDriver driver;
    private final StaffFixtures fixtures;

    PasskeyBrowser(int port, StaffFixtures fixtures) {
        this.browser = Browser.reaching(AbstractIntegrationTest.BASE_URL, port);
        this.driver = browser.driver();
        this.fixtures = fixtures;
    }

    /** A new authenticator (and the only one the browser uses until it is removed): resident keys, UV. */
    VirtualAuthenticator authenticator() {
        return driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    void open(String path) {
        driver.get(AbstractIntegrationTest.BASE_URL + path);
    }

    /** The password step; the browser is then on {@code /login/totp}. */
    void password(StaffFixtures.Member member) {
        open("/login");
        driver.findElement(By.id("email")).sendKeys(member.email());
        driver.findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitForPath("/login/totp");
    }

    /** The second step with a TOTP code or a recovery code (typed into the code form). */
    void code(String code) {
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.cssSelector("form[action='/login/totp'] button[type=submit]"))
                .click();
    }

    void signInWithTotp(StaffFixtures.Member member) {
        password(member);
        code(fixtures.code(member));
        waitFor(d -> java.net.URI.create(d.getCurrentUrl()).getPath().startsWith("/admin"));
    }

    void passkeyAtSecondStep() {
        driver.findElement(By.id("passkey-button")).click();
    }

    /** Enrols a passkey under this label on {@code /admin/passkeys}, with the current authenticator. */
    void enrol(String label) {
        open("/admin/passkeys");
        driver.findElement(By.id("label")).sendKeys(label);
        driver.findElement(By.id("passkey-button")).click();
        waitFor(d -> d.getCurrentUrl().contains("done=added"));
    }

    List<String> labels() {
        return driver.findElements(By.cssSelector(".passkey-list .passkey-label")).stream()
                .map(e -> e.getText())
                .toList();
    }

    void signOut() {
        open("/admin");
        driver.findElement(By.id("sign-out")).click();
        waitFor(d -> d.getCurrentUrl().contains("/login?signedOut"));
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    void waitForPath(String path) {
        waitFor(d -> java.net.URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    @Override
    public void close() {
        try {
            assertThat(browser.consoleErrors())
                    .as("the passkey pages log no error in the browser (refused answers aside)")
                    .filteredOn(
                            m -> !m.contains("401") && !m.contains("403") && !m.contains("422") && !m.contains("409"))
                    .isEmpty();
        } finally {
            browser.close();
        }
    }

    static List<String> audit(JdbcClient jdbc, String email, String action) {
        return jdbc.sql("select coalesce(detail, '') from audit_entry where actor = ? and action = ? order by id")
                .params(email, action)
                .query(String.class)
                .list();
    }
}

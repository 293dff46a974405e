package org.keephope.support;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven by Debian's ChromeDriver (never a downloaded browser). It records the
 * browser console and every network request, so a test can assert that a page logged no error and asked
 * no other host for anything.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;

    private Browser(boolean javascript, String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(path("KEEPHOPE_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-quic",
                "--no-first-run",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--lang=en-GB");
        options.addArguments(extraArguments);
        if (!javascript) {
            options.setExperimentalOption(
                    "prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(path("KEEPHOPE_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    public static Browser start() {
        return new Browser(true);
    }

    /**
     * A browser that reaches the application at {@code origin} (e.g. the tests' base URL, http on port 80),
     * connecting to {@code 127.0.0.1:port} instead, and treats that origin as secure: WebAuthn checks the
     * page's origin against the relying party of the base URL and needs a secure context.
     */
    public static Browser reaching(String origin, int port) {
        String host = java.net.URI.create(origin).getHost();
        return new Browser(
                true,
                "--host-resolver-rules=MAP " + host + ":80 127.0.0.1:" + port,
                "--unsafely-treat-insecure-origin-as-secure=" + origin);
    }

    /** A browser, with JavaScript or without, that resolves these host names to 127.0.0.1. */
    public static Browser resolvingToLoopback(boolean javascript, String... hosts) {
        String rules = java.util.Arrays.stream(hosts)
                .map(h -> "MAP " + h + " 127.0.0.1")
                .collect(java.util.stream.Collectors.joining(","));
        return new Browser(javascript, "--host-resolver-rules=" + rules);
    }

    public static Browser withoutJavaScript() {
        return new Browser(false);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Console messages at level SEVERE since the last call. */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** URLs of every request the browser sent since the last call (pages, styles, images, scripts). */
    public List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        var pattern = java.util.regex.Pattern.compile(
                "\"method\":\"Network\\.requestWillBeSent\".*?\"request\":\\{.*?\"url\":\"([^\"]+)\"");
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            var matcher = pattern.matcher(entry.getMessage());
            if (matcher.find()) {
                urls.add(matcher.group(1));
            }
        }
        return urls;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String path(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}

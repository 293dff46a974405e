package org.keephope.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole KeepHope on a random port, against the database of {@link TestDatabase} and a real SMTP server.
 * Every integration test extends this without changing the configuration, so Spring starts the
 * application once per database and test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AbstractIntegrationTest {

    public static final String BASE_URL = "http://keephope.test";

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @DynamicPropertySource
    static void testEnvironment(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("keephope.base-url", () -> BASE_URL);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("keephope.crypto.key-directory", TestDatabase::keyDirectory);
        registry.add("keephope.crypto.generate-missing-keys", () -> "true");
        // a test submits at once; the too-fast check has its own unit test
        registry.add("keephope.signing.min-fill-time", () -> "0s");
        registry.add("keephope.signing.client-limit-per-hour", () -> "100000");
        registry.add("keephope.signing.resend-interval", () -> "4s");
        registry.add("keephope.mail.poll-millis", () -> "100");
        registry.add("keephope.mail.batch-size", () -> "5");
        registry.add("keephope.mail.retry-initial", () -> "300ms");
        registry.add("keephope.mail.retry-max", () -> "1s");
        // webhook receivers in tests listen on loopback over http
        registry.add("keephope.webhooks.allow-private", () -> "true");
        registry.add("keephope.webhooks.poll-millis", () -> "100");
        registry.add("keephope.webhooks.retry-initial", () -> "200ms");
        registry.add("keephope.webhooks.retry-max", () -> "400ms");
        registry.add("keephope.webhooks.timeout", () -> "3s");
        // tests count a signer's mails; ThankYouMailIT switches it on (@TestPropertySource of the inner key)
        registry.add("keephope.signing.thank-you-mail", () -> "${keephope.test.thank-you-mail:false}");
    }

    protected HttpResponse<String> post(String path, java.util.Map<String, String> form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(formBody(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A form as a browser encodes it. */
    public static byte[] formBody(java.util.Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.keephope.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without the browser: keeps cookies and sends the CSRF token of the last page it read. */
final class StaffClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final int port;
    String csrf;

    StaffClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(String path) {
        var response = send(HttpRequest.newBuilder(uri(path)).GET().build());
        var matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** Posts with the CSRF token of the last page read. */
    HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (csrf != null) {
            withToken.put("_csrf", csrf);
        }
        return postRaw(path, withToken);
    }

    /** Posts JSON as the passkey script does: the CSRF token of the last page read in a header. */
    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf == null ? "" : csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Posts one file as multipart/form-data, as a browser's upload form does; the token must be in the path. */
    HttpResponse<String> postFile(String path, String field, String filename, byte[] content) {
        String boundary = "----keephope" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail)))
                .build());
    }

    /** The value of a cookie this client holds, if any. */
    java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst();
    }

    /** The id of this client's staff session (the cookie holds it base64-encoded). */
    String sessionId() {
        return new String(
                java.util.Base64.getDecoder().decode(cookie("KEEPHOPE_SESSION").orElseThrow()), StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
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

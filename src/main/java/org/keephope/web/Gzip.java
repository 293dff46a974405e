package org.keephope.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Compression of the public answers {@link PublicPageCache} shares, and only those: they are the same for every
 * anonymous reader and hold no secret, so compressing them gives nothing away (BREACH needs a secret and a
 * reflected input in one compressed body). Staff pages, sign-in, supporters' links and the API's keyed answers
 * hold CSRF tokens or personal data and are never compressed by the application (nor by the shipped nginx
 * configuration). The JDK's gzip; a kept page is compressed once per rendering, not per reader.
 */
final class Gzip {

    /** Smaller bodies gain less than the header and the reader's work cost. */
    static final int MIN_SIZE = 1024;

    private static final Set<String> TYPES = Set.of(
            "text/html",
            "text/plain",
            "text/xml",
            "text/css",
            "application/json",
            "application/problem+json",
            "application/xml",
            "application/atom+xml",
            "application/javascript",
            "image/svg+xml");

    private Gzip() {}

    /** Whether a body of this type and size is worth compressing. */
    static boolean worth(String contentType, int length) {
        if (contentType == null || length < MIN_SIZE) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the request's {@code Accept-Encoding} takes gzip (by name or {@code *}, with a q above 0). */
    static boolean accepted(HttpServletRequest request) {
        var headers = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        if (headers == null) {
            return false;
        }
        boolean star = false;
        while (headers.hasMoreElements()) {
            for (String item : headers.nextElement().split(",")) {
                String[] parts = item.trim().split(";");
                String coding = parts[0].trim().toLowerCase(Locale.ROOT);
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim().toLowerCase(Locale.ROOT);
                    if (p.startsWith("q=")) {
                        try {
                            refused = Double.parseDouble(p.substring(2)) <= 0;
                        } catch (NumberFormatException e) {
                            refused = true;
                        }
                    }
                }
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    return !refused;
                }
                if (coding.equals("*")) {
                    star = !refused;
                }
            }
        }
        return star;
    }

    static byte[] compress(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}

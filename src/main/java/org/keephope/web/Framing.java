package org.keephope.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one exception to {@code frame-ancestors 'none'}: a page meant to be embedded (the embeddable sign form)
 * lists the origins that may frame it. Everything else of the policy stays as {@link SecurityHeaders} writes
 * it; {@code X-Frame-Options} (which cannot name several origins) is dropped, since {@code frame-ancestors}
 * supersedes it. With no origin the page keeps {@code 'none'}.
 */
public final class Framing {

    /** An origin as {@code Partners.origin} makes it: nothing that could end or extend the directive. */
    private static final Pattern ORIGIN =
            Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?|https?://\\[[0-9a-f:.]+\\](:[0-9]{1,5})?");

    private Framing() {}

    public static void allowOnlyFrom(HttpServletResponse response, List<String> origins) {
        List<String> valid =
                origins.stream().filter(o -> ORIGIN.matcher(o).matches()).toList();
        if (valid.isEmpty()) {
            return;
        }
        response.setHeader(
                "Content-Security-Policy",
                SecurityHeaders.CONTENT_SECURITY_POLICY.replace(
                        "frame-ancestors 'none'", "frame-ancestors " + String.join(" ", valid)));
        response.setHeader("X-Frame-Options", null);
    }
}

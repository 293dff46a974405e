package org.keephope.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a rendered page under {@code target/screens} with its stylesheet and images pointed at the source tree,
 * so that a person can screenshot it with headless Chromium ({@code file://}) and look at it. Writes nothing
 * unless the environment variable {@code SCREENS} is set (forked test JVMs inherit it), so ordinary runs stay clean.
 */
public final class Screens {

    private Screens() {}

    public static void save(String name, String html) {
        if (System.getenv("SCREENS") == null) {
            return;
        }
        try {
            Path dir = Path.of("target", "screens");
            Files.createDirectories(dir);
            String statics = Path.of("src", "main", "resources", "static")
                    .toAbsolutePath()
                    .toUri()
                    .toString();
            String local = html.replace("href=\"/css/", "href=\"" + statics + "css/")
                    .replace("src=\"/img/", "src=\"" + statics + "img/");
            Files.writeString(dir.resolve(name + ".html"), local, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

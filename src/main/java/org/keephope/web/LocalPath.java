package org.keephope.web;

import java.util.regex.Pattern;

/**
 * A path on this site, for anything staff may point an image at. It starts with exactly one slash and
 * contains no backslash, whitespace or control character anywhere: browsers read {@code \} as {@code /}
 * (so {@code /\host/x} is {@code //host/x}, another host) and drop tabs and newlines from URLs (so
 * {@code /<tab>/host} is {@code //host} too).
 */
public final class LocalPath {

    /** For Bean Validation's {@code @Pattern}: empty, or a local path. */
    public static final String OPTIONAL = "(/(?![/\\\\])[^\\s\\\\\\p{Cntrl}]*)?";

    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[^\\s\\\\\\p{Cntrl}]*");

    private LocalPath() {}

    public static boolean isLocal(String path) {
        return path != null && LOCAL.matcher(path).matches();
    }

    /** The same check for the HTML sanitiser, which takes a pattern. */
    static Pattern pattern() {
        return LOCAL;
    }
}

package org.keephope.stats;

import java.util.Arrays;
import java.util.Optional;

/** The public charts, by the name in their address ({@code /campaigns/{slug}/charts/{name}.svg}). */
public enum ChartKind {
    OVER_TIME("over-time"),
    MAP("map"),
    PROGRESS("progress");

    private final String path;

    ChartKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<ChartKind> ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}

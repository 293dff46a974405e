package org.keephope.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The world map shipped in the jar ({@code world-map.tsv}): one shape per line, with its ISO 3166-1 alpha-2
 * code ({@code -} for shapes that have none) and its outline in a 1010 × 666 view box. Made from the npm
 * package {@code @svg-maps/world} 2.0.0 (CC BY 4.0, after MapSVG) by {@code tools/world-map/convert.mjs}.
 */
final class WorldMap {

    static final int WIDTH = 1010;
    static final int HEIGHT = 666;
    static final String ATTRIBUTION = "Map: MapSVG, @svg-maps/world (CC BY 4.0)";

    record Shape(String code, String path) {}

    private static final List<Shape> SHAPES = load();

    private WorldMap() {}

    static List<Shape> shapes() {
        return SHAPES;
    }

    private static List<Shape> load() {
        var stream = WorldMap.class.getResourceAsStream("world-map.tsv");
        if (stream == null) {
            throw new IllegalStateException("world-map.tsv is missing from the jar");
        }
        List<Shape> shapes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 3);
                shapes.add(new Shape(parts[0].equals("-") ? null : parts[0], parts[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(shapes);
    }
}

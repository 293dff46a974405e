package org.keephope.log;

/**
 * A path under {@code tile/} in the C2SP tlog-tiles layout: {@code <L>/<N>[.p/<W>]} for hash tiles,
 * {@code entries/<N>[.p/<W>]} for entry bundles, N written in groups of three digits, all but the last
 * prefixed with {@code x} ({@code 1234067} is {@code x001/x234/067}). A full tile has 256 hashes or entries;
 * a partial one W (1–255).
 */
record TilePath(int level, long index, int width) {

    static final int WIDTH = 256;
    static final int ENTRIES = -1;

    boolean entries() {
        return level == ENTRIES;
    }

    boolean full() {
        return width == WIDTH;
    }

    /** The path parsed, or null when it is not one of the layout's. */
    static TilePath parse(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length < 2) {
            return null;
        }
        int level;
        if (parts[0].equals("entries")) {
            level = ENTRIES;
        } else if (parts[0].matches("0|[1-9][0-9]?") && Integer.parseInt(parts[0]) <= 63) {
            level = Integer.parseInt(parts[0]);
        } else {
            return null;
        }
        long index = 0;
        int width = WIDTH;
        int end = parts.length;
        String last = parts[parts.length - 1];
        if (parts.length >= 3 && parts[parts.length - 2].endsWith(".p")) {
            if (!last.matches("[1-9][0-9]{0,2}") || Integer.parseInt(last) >= WIDTH) {
                return null;
            }
            width = Integer.parseInt(last);
            end = parts.length - 1;
            parts[end - 1] = parts[end - 1].substring(0, parts[end - 1].length() - 2);
        }
        if (end - 1 > 6) {
            return null;
        }
        for (int i = 1; i < end; i++) {
            String group = parts[i];
            boolean lastGroup = i == end - 1;
            if (lastGroup ? !group.matches("[0-9]{3}") : !group.matches("x[0-9]{3}")) {
                return null;
            }
            index = index * 1000 + Integer.parseInt(lastGroup ? group : group.substring(1));
        }
        return new TilePath(level, index, width);
    }

    static String format(long n) {
        StringBuilder out = new StringBuilder(String.format("%03d", n % 1000));
        n /= 1000;
        while (n > 0) {
            out.insert(0, String.format("x%03d/", n % 1000));
            n /= 1000;
        }
        return out.toString();
    }

    String path() {
        return (entries() ? "entries" : String.valueOf(level)) + "/" + format(index) + (full() ? "" : ".p/" + width);
    }
}

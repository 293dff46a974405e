package org.keephope.support;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile inputs for {@code FuzzIT}, from one seed: the same seed gives the same inputs in the same order.
 * Form values come out already percent-encoded, so that a value can also be bytes that are not UTF-8.
 */
public final class FuzzInputs {

    /** Every script payload carries this number; a page that shows it unescaped reflects script. */
    public static final String MARK = "7331";

    static final List<String> SCRIPTS = List.of(
            "<script>alert(7331)</script>",
            "\"><img src=x onerror=alert(7331)>",
            "'><svg onload=alert(7331)>",
            "javascript:alert(7331)",
            "</textarea><script>alert(7331)</script>");

    /** Percent-encoded bytes that are not UTF-8, or escapes that are not escapes. */
    static final List<String> RAW = List.of(
            "%ff%fe", "%c3%28", "%ed%a0%80", "%f8%88%80%80%80", "%c0%af", "%zz", "%", "%4", "100%", "%%", "%00");

    static final List<String> STRINGS = List.of(
            "",
            " ",
            "\t\r\n",
            "\u0000\u0001\u0007\u001b[31m",
            "\r\nSet-Cookie: fuzz=1",
            "Аня \uD83D\uDD4A \u202E\u200B\uFEFF",
            "\uD800",
            "-1",
            "0",
            "99999999999999999999",
            "9223372036854775808",
            "NaN",
            "1e309",
            "0x10",
            "true",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "/%2e%2e/%2e%2e/",
            "${7*7}",
            "#{7*7}",
            "{{7*7}}",
            "<%= 7*7 %>",
            "' OR '1'='1",
            "\"; drop table signature; --",
            "a@b",
            "@",
            "jo@exämple.org",
            "//tracker.example/p.gif",
            "/\\tracker.example/p.gif",
            "https://tracker.example/",
            "en",
            "ru",
            "xx-YY",
            "publish",
            "approve");

    static final List<String> NAMES = List.of(
            "class.module.classLoader.URLs[0]",
            "__proto__",
            "a[b]",
            "_method",
            "",
            "lang",
            "page",
            "stamp",
            "_csrf",
            "email");

    /** Path segments, already encoded for a URL (decoded by the server into what they name). */
    static final List<String> SEGMENTS = List.of(
            "no-such",
            "%00",
            "%2e%2e",
            "..%2f..%2f",
            "%ff",
            "a%20b",
            "%3Cscript%3Ealert(7331)%3C%2Fscript%3E",
            "%22",
            "%7B%7D",
            "%7C",
            "%5E",
            "%5C..%5C",
            "%D0%90%D0%BD%D1%8F",
            "-1",
            "0",
            "9223372036854775808",
            "1e3",
            "%252e%252e",
            "x;jsessionid=1",
            "x.json");

    /** Names under /media/ that try to leave it or to look like something else. */
    static final List<String> MEDIA = List.of(
            "../../etc/passwd",
            "..%2f..%2fetc%2fpasswd",
            "%2e%2e/%2e%2e/etc/passwd",
            "%252e%252e%252fetc",
            "....//....//etc/passwd",
            "..%5c..%5cwindows%5cwin.ini",
            "x.png%00.jpg",
            "00000000-0000-0000-0000-000000000000.png",
            "00000000-0000-0000-0000-000000000000.svg",
            "00000000-0000-0000-0000-000000000000.PNG",
            "not-a-uuid.png",
            ".png",
            "%2fetc%2fpasswd.png",
            "x.png/../../../etc/passwd",
            "x.png?download=../../x",
            "x.",
            "%ff.png",
            "x" + "y".repeat(3000) + ".png");

    private final Random random;

    public FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A hostile value for a field whose ordinary value is {@code original}, percent-encoded. */
    public String value(String original) {
        return switch (random.nextInt(12)) {
            case 0 -> encode(pick(SCRIPTS));
            case 1 -> encode(original + pick(SCRIPTS));
            case 2 -> pick(RAW);
            case 3 -> encode(original) + pick(RAW);
            case 4 -> encode("x".repeat(pick(List.of(61, 255, 501, 5_000, 40_000))));
            case 5 -> encode(" " + original + " ");
            case 6 -> encode(original + "\u0000");
            default -> encode(pick(STRINGS));
        };
    }

    public String name() {
        return random.nextInt(4) == 0 ? pick(RAW) : encode(pick(NAMES));
    }

    public String segment() {
        return random.nextInt(10) == 0 ? "x".repeat(3000) : pick(SEGMENTS);
    }

    public String media() {
        return pick(MEDIA);
    }

    /** A form with some values made hostile, some fields dropped, duplicated or added. */
    public List<String[]> mutate(List<String[]> form) {
        List<String[]> mutated = new ArrayList<>();
        for (String[] field : form) {
            if (chance(0.12)) {
                continue; // missing
            }
            String[] copy = field.clone();
            if (chance(0.3)) {
                copy[1] = value(decode(field[1]));
            }
            mutated.add(copy);
            if (chance(0.08)) {
                mutated.add(new String[] {field[0], value(decode(field[1]))}); // duplicated
            }
        }
        if (chance(0.3)) {
            mutated.add(new String[] {name(), value("x")});
        }
        return mutated;
    }

    /** {@code name=value&...} as sent. */
    public static String body(List<String[]> form) {
        StringBuilder body = new StringBuilder();
        for (String[] field : form) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(field[0]).append('=').append(field[1]);
        }
        return body.toString();
    }

    /** What a server makes of a percent-encoded value; bytes that are not UTF-8 become U+FFFD. */
    public static String decode(String encoded) {
        return new String(bytes(encoded), StandardCharsets.UTF_8);
    }

    /** The bytes a percent-encoded value stands for; a broken escape stays as it is. */
    public static byte[] bytes(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = encoded.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '+') {
                out.write(' ');
            } else if (in[i] == '%'
                    && i + 2 < in.length
                    && Character.digit(in[i + 1], 16) >= 0
                    && Character.digit(in[i + 2], 16) >= 0) {
                out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }
}

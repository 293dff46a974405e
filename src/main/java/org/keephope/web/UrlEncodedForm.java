package org.keephope.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * {@code application/x-www-form-urlencoded} text parsed as strictly as Tomcat parses it: a broken
 * {@code %} escape, bytes that are not valid in the charset, or more parameters than Tomcat allows are
 * refused with 400. Needed where we, not Tomcat, hold the bytes: a chunked public form that {@link
 * RequestSizeLimit} had to read to bound it, and the query of a multipart request that {@link
 * MultipartGate} keeps Tomcat from parsing. Nothing in the JDK or Spring decodes strictly
 * ({@code URLDecoder} replaces bad bytes silently).
 */
final class UrlEncodedForm {

    /** Tomcat's (and Spring Boot's) {@code max-parameter-count}. */
    static final int MAX_PARAMETERS = 1000;

    private UrlEncodedForm() {}

    static Map<String, List<String>> parse(byte[] encoded, Charset charset) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        int count = 0;
        int start = 0;
        while (start <= encoded.length) {
            int end = indexOf(encoded, (byte) '&', start);
            if (end > start) {
                if (++count > MAX_PARAMETERS) {
                    throw new InvalidParameterException("too many parameters", 400);
                }
                int equals = indexOf(encoded, (byte) '=', start);
                int nameEnd = Math.min(equals, end);
                String name = decode(encoded, start, nameEnd, charset);
                String value = nameEnd < end ? decode(encoded, nameEnd + 1, end, charset) : "";
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            start = end + 1;
        }
        return parameters;
    }

    static Map<String, List<String>> parse(String encoded, Charset charset) {
        return encoded == null ? Map.of() : parse(encoded.getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    private static String decode(byte[] encoded, int from, int to, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = encoded[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new InvalidParameterException("incomplete % escape", 400);
                }
                int high = Character.digit(encoded[i + 1], 16);
                int low = Character.digit(encoded[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw new InvalidParameterException("bad % escape", 400);
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidParameterException("bytes not valid in " + charset.name(), 400);
        }
    }
}

package org.keephope.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.keephope.signature.SignatureFeed;

/**
 * The opaque {@code cursor} of the signatures list: where the last page ended and which list it was of,
 * base64url. It is not signed: it names a position, not a permission, and a forged one only starts a list
 * the key may read anyway somewhere else. One of another list (pending, confirmed) is refused.
 */
final class Cursor {

    private static final int MAX_LENGTH = 200;

    private Cursor() {}

    static String encode(SignatureFeed.Status status, SignatureFeed.Position position) {
        String plain = status.name().charAt(0) + "." + position.at().getEpochSecond() + "."
                + position.at().getNano() + "." + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names, or a 400 problem for anything we did not hand out for this list. */
    static SignatureFeed.Position decode(String cursor, SignatureFeed.Status status) {
        if (cursor.length() > MAX_LENGTH) {
            throw bad();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.", -1);
            if (parts.length != 4
                    || parts[0].length() != 1
                    || parts[0].charAt(0) != status.name().charAt(0)) {
                throw bad();
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
            UUID id = UUID.fromString(parts[3]);
            if (!id.toString().equals(parts[3])) {
                throw bad();
            }
            return new SignatureFeed.Position(at, id);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw bad();
        }
    }

    private static ApiProblem bad() {
        return ApiProblem.badParameter("cursor", "not a cursor this list handed out");
    }
}

package org.keephope.target;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.keephope.privacy.PersonalData;
import org.springframework.stereotype.Component;

/**
 * A supporter's letter link: their signature's id and the link's end, AEAD-encrypted, so the token is opaque,
 * cannot be forged or changed, and needs no row. It is single-use for sending because a supporter has at most one
 * letter per target (a unique key): once the letters are queued, the link only says so.
 */
@Component
class LetterTokens {

    private static final String CONTEXT = "letter.token";

    record Opened(UUID signatureId, Instant expiresAt) {}

    private final PersonalData crypto;

    LetterTokens(PersonalData crypto) {
        this.crypto = crypto;
    }

    String issue(UUID signatureId, Instant expiresAt) {
        ByteBuffer plain = ByteBuffer.allocate(24);
        plain.putLong(signatureId.getMostSignificantBits())
                .putLong(signatureId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(crypto.encrypt(plain.array(), CONTEXT));
    }

    /** The token's signature and end; empty for anything that is not a token we issued. */
    Optional<Opened> open(String token) {
        if (token == null || token.length() > 200 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        try {
            ByteBuffer plain =
                    ByteBuffer.wrap(crypto.decryptBytes(Base64.getUrlDecoder().decode(token), CONTEXT));
            if (plain.remaining() != 24) {
                return Optional.empty();
            }
            UUID id = new UUID(plain.getLong(), plain.getLong());
            return Optional.of(new Opened(id, Instant.ofEpochSecond(plain.getLong())));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty(); // not base64, or not ours (wrong key, tampered)
        }
    }
}

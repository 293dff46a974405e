package org.keephope.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.keephope.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The media module's facade: images that staff upload (organisation logos, later campaign images).
 * PNG, JPEG and WebP are accepted, recognised by content; each is decoded and re-encoded so that no
 * metadata survives, stored in the database and served at the path {@link #store} returns.
 */
@Service
public class Media {

    /** The largest upload we take. The multipart limits in application.properties sit a little above it. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** A served image: its bytes and their type. */
    public record File(String contentType, String extension, byte[] bytes) {}

    private final MediaRepository repository;
    private final ImageSanitiser sanitiser;
    private final AuditLog audit;
    private final Clock clock;

    Media(MediaRepository repository, ImageSanitiser sanitiser, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.sanitiser = sanitiser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads at most {@link #MAX_BYTES} (whatever size the sender declared), cleans and stores the image,
     * and returns its public path, such as {@code /media/3f2c….jpg}. A refusal is audited as well.
     *
     * @throws MediaRefused when the content is too large, not a PNG/JPEG/WebP image, or cannot be decoded
     */
    @Transactional(noRollbackFor = MediaRefused.class)
    public String store(InputStream content, String actor, String purpose) {
        try {
            byte[] bytes = readAtMost(content);
            var clean = sanitiser.sanitise(bytes);
            UUID id = UUID.randomUUID();
            repository.insert(id, clean, clock.instant(), actor);
            audit.record(
                    actor,
                    "media.upload",
                    "media",
                    id,
                    purpose + ": " + clean.type().contentType + " " + clean.width() + "x" + clean.height());
            return path(id, clean.type());
        } catch (MediaRefused refused) {
            audit.record(actor, "media.refuse", "media", null, purpose + ": " + refused.messageKey());
            throw refused;
        }
    }

    /** The image behind a public path's id and extension; empty if either does not match. */
    @Transactional(readOnly = true)
    public Optional<File> find(String id, String extension) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return repository
                .find(uuid)
                .flatMap(row -> ImageFormat.StoredType.ofContentType(row.contentType())
                        .filter(type -> type.extension.equals(extension))
                        .map(type -> new File(type.contentType, type.extension, row.bytes())));
    }

    static String path(UUID id, ImageFormat.StoredType type) {
        return "/media/" + id + "." + type.extension;
    }

    private static byte[] readAtMost(InputStream content) {
        try (content) {
            byte[] bytes = content.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw MediaRefused.tooLarge();
            }
            if (bytes.length == 0) {
                throw MediaRefused.empty();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

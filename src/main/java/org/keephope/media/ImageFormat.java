package org.keephope.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats we accept, recognised by their first bytes only: a file's name and its declared type
 * are chosen by whoever sends it.
 */
enum ImageFormat {
    PNG("png"),
    JPEG("jpeg"),
    WEBP("webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String readerName;

    ImageFormat(String readerName) {
        this.readerName = readerName;
    }

    String readerName() {
        return readerName;
    }

    /** What we store it as: WebP becomes PNG, since the JDK can read WebP (with TwelveMonkeys) but not write it. */
    StoredType storedAs() {
        return this == JPEG ? StoredType.JPEG : StoredType.PNG;
    }

    static Optional<ImageFormat> sniff(byte[] content) {
        if (startsWith(content, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (content.length >= 3
                && (content[0] & 0xff) == 0xff
                && (content[1] & 0xff) == 0xd8
                && (content[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (content.length >= 12
                && startsWith(content, "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                && content[8] == 'W'
                && content[9] == 'E'
                && content[10] == 'B'
                && content[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The two types we serve. */
    enum StoredType {
        PNG("image/png", "png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg");

        final String contentType;
        final String extension;
        final String writerName;

        StoredType(String contentType, String extension, String writerName) {
            this.contentType = contentType;
            this.extension = extension;
            this.writerName = writerName;
        }

        static Optional<StoredType> ofContentType(String contentType) {
            return Arrays.stream(values())
                    .filter(t -> t.contentType.equals(contentType))
                    .findFirst();
        }
    }
}

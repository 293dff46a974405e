package org.keephope.media;

/** An upload that is not stored; {@link #messageKey()} says why, in words for the person who sent it. */
public class MediaRefused extends RuntimeException {

    private final String messageKey;

    private MediaRefused(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    public static MediaRefused tooLarge() {
        return new MediaRefused("media.error.tooLarge");
    }

    public static MediaRefused notAnImage() {
        return new MediaRefused("media.error.type");
    }

    public static MediaRefused unreadable() {
        return new MediaRefused("media.error.unreadable");
    }

    public static MediaRefused tooManyPixels() {
        return new MediaRefused("media.error.dimensions");
    }

    public static MediaRefused empty() {
        return new MediaRefused("media.error.empty");
    }

    public String messageKey() {
        return messageKey;
    }
}

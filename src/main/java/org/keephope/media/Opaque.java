package org.keephope.media;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Pixels as plain 8-bit RGB without alpha: what JPEG stores, and what turning an image draws into. */
final class Opaque {

    private Opaque() {}

    /** The image itself when it is already RGB, else a copy drawn onto white (transparency becomes white). */
    static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        var copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        var graphics = copy.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            graphics.dispose();
        }
        return copy;
    }
}

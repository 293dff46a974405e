package org.keephope.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Images made by hand for upload tests, with the metadata that must not survive. */
final class TestImages {

    static final int WIDTH = 40;
    static final int HEIGHT = 30;
    static final String COMMENT = "shot at the safe house";

    private TestImages() {}

    static BufferedImage picture(int type) {
        var image = new BufferedImage(WIDTH, HEIGHT, type);
        var g = image.createGraphics();
        g.setColor(new Color(11, 93, 75));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.ORANGE);
        g.fillOval(12, 12, 20, 15);
        // a mark in the top left corner, to see which way the picture was turned
        g.setColor(Color.RED);
        g.fillRect(0, 0, 10, 10);
        g.dispose();
        return image;
    }

    static byte[] png() {
        return write(picture(BufferedImage.TYPE_INT_ARGB), "png");
    }

    /**
     * A JPEG with an APP1 Exif segment whose GPS IFD says 55°45'12.34"N, and a COM segment, right after
     * the start-of-image marker, as a phone camera writes them.
     */
    static byte[] jpegWithGpsAndComment() {
        byte[] plain = write(picture(BufferedImage.TYPE_3BYTE_BGR), "jpeg");
        ByteBuffer tiff = ByteBuffer.allocate(128).order(ByteOrder.BIG_ENDIAN);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: one entry, GPSInfo (0x8825, LONG) pointing at the GPS IFD at 26
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
        tiff.putInt(0);
        // GPS IFD at 26: GPSLatitudeRef "N", GPSLatitude three RATIONALs at 56
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(55).putInt(1).putInt(45).putInt(1).putInt(1234).putInt(100);
        byte[] exif = concat(
                "Exif\0\0".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(tiff.array(), tiff.position()));
        byte[] comment = COMMENT.getBytes(StandardCharsets.US_ASCII);
        return concat(
                new byte[] {(byte) 0xff, (byte) 0xd8},
                segment(0xE1, exif),
                segment(0xFE, comment),
                java.util.Arrays.copyOfRange(plain, 2, plain.length));
    }

    /** A JPEG stored as the sensor saw it, whose EXIF says how to turn it for viewing (6: 90° clockwise). */
    static byte[] jpegWithOrientation(int orientation) {
        byte[] plain = write(picture(BufferedImage.TYPE_3BYTE_BGR), "jpeg");
        ByteBuffer tiff = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put("II".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = concat(
                "Exif\0\0".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(tiff.array(), tiff.position()));
        return concat(
                new byte[] {(byte) 0xff, (byte) 0xd8},
                segment(0xE1, exif),
                java.util.Arrays.copyOfRange(plain, 2, plain.length));
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether a JPEG has a marker segment of this type before its image data. */
    static boolean hasSegment(byte[] jpeg, int marker) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
            int type = jpeg[i + 1] & 0xff;
            if (type == marker) {
                return true;
            }
            if (type == 0xDA) {
                return false;
            }
            i += 2 + (((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff));
        }
        return false;
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xff, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] write(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package org.keephope.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTest {

    /** The start of a JPEG with an APP1 EXIF block holding one IFD entry, the orientation, then start of scan. */
    static byte[] jpeg(int orientation, ByteOrder order) {
        var tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        tiff.putShort((short) 42).putInt(8); // the first IFD right after the header
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] exif = tiff.array();
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd8});
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe0, 0, 4, 0, 0}); // an APP0 block first, to be skipped
        int length = 2 + 6 + exif.length;
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length});
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(exif);
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xda, 0, 2});
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void theOrientationIsReadInBothByteOrders(int orientation) {
        assertThat(ExifOrientation.of(jpeg(orientation, ByteOrder.BIG_ENDIAN))).isEqualTo(orientation);
        assertThat(ExifOrientation.of(jpeg(orientation, ByteOrder.LITTLE_ENDIAN)))
                .isEqualTo(orientation);
    }

    @Test
    void anOrientationOutsideOneToEightCountsAsUpright() {
        assertThat(ExifOrientation.of(jpeg(0, ByteOrder.BIG_ENDIAN))).isEqualTo(1);
        assertThat(ExifOrientation.of(jpeg(9, ByteOrder.BIG_ENDIAN))).isEqualTo(1);
    }

    @Test
    void withoutExifOrWithBrokenExifThePhotoIsUpright() {
        assertThat(ExifOrientation.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xda, 0, 2}))
                .isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(1);
        byte[] cut = jpeg(6, ByteOrder.BIG_ENDIAN);
        assertThat(ExifOrientation.of(java.util.Arrays.copyOf(cut, 20))).isEqualTo(1);
    }

    /** 3 wide, 2 high: red top left, green top right, blue bottom left, the rest white. */
    static BufferedImage marked() {
        var image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 3; x++) {
            for (int y = 0; y < 2; y++) {
                image.setRGB(x, y, WHITE);
            }
        }
        image.setRGB(0, 0, RED);
        image.setRGB(2, 0, GREEN);
        image.setRGB(0, 1, BLUE);
        return image;
    }

    static final int RED = 0xff0000, GREEN = 0x00ff00, BLUE = 0x0000ff, WHITE = 0xffffff;

    /** Rows of colours, top to bottom. */
    static int[][] pixels(BufferedImage image) {
        int[][] rows = new int[image.getHeight()][image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                rows[y][x] = image.getRGB(x, y) & 0xffffff;
            }
        }
        return rows;
    }

    @Test
    void uprightIsTheSameImage() {
        var image = marked();
        assertThat(ExifOrientation.apply(image, 1)).isSameAs(image);
        assertThat(ExifOrientation.apply(image, 0)).isSameAs(image);
        assertThat(ExifOrientation.apply(image, 9)).isSameAs(image);
    }

    @Test
    void eachOrientationTurnsThePixelsAsExifDefinesIt() {
        int R = RED, G = GREEN, B = BLUE, W = WHITE;
        assertThat(pixels(ExifOrientation.apply(marked(), 2))).isEqualTo(new int[][] {{G, W, R}, {W, W, B}});
        assertThat(pixels(ExifOrientation.apply(marked(), 3))).isEqualTo(new int[][] {{W, W, B}, {G, W, R}});
        assertThat(pixels(ExifOrientation.apply(marked(), 4))).isEqualTo(new int[][] {{B, W, W}, {R, W, G}});
        assertThat(pixels(ExifOrientation.apply(marked(), 5))).isEqualTo(new int[][] {{R, B}, {W, W}, {G, W}});
        assertThat(pixels(ExifOrientation.apply(marked(), 6))).isEqualTo(new int[][] {{B, R}, {W, W}, {W, G}});
        assertThat(pixels(ExifOrientation.apply(marked(), 7))).isEqualTo(new int[][] {{W, G}, {W, W}, {B, R}});
        assertThat(pixels(ExifOrientation.apply(marked(), 8))).isEqualTo(new int[][] {{G, W}, {W, W}, {R, B}});
    }
}

package org.keephope.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Cameras store a photo as the sensor saw it and say in EXIF how to turn it. We drop EXIF, so we turn
 * the pixels first: otherwise a portrait taken with a phone would be published on its side.
 */
final class ExifOrientation {

    private ExifOrientation() {}

    /**
     * The EXIF orientation (1–8) of a JPEG, or 1 when it has none or it cannot be read. TwelveMonkeys finds the
     * APP1 {@code Exif} segment and reads its TIFF directory.
     */
    static int of(byte[] jpeg) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            InputStream data = exif.get(0).data();
            if (data.read() == -1) { // the pad byte after "Exif\0"
                return 1;
            }
            Directory tiff = new TIFFReader().read(new MemoryCacheImageInputStream(data));
            Entry entry = tiff.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                return n.intValue();
            }
        } catch (IOException | RuntimeException malformed) {
            // a broken EXIF block changes nothing: the pixels stay as stored
        }
        return 1;
    }

    /** The image as it should be seen. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        var t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.setTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> t.setTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> t.setTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> t.setTransform(0, 1, -1, 0, h, 0); // turned 90° clockwise
            case 7 -> t.setTransform(0, -1, -1, 0, h, w); // transversed
            default -> t.setTransform(0, -1, 1, 0, 0, w); // 8: turned 90° anticlockwise
        }
        boolean swaps = orientation >= 5;
        var turned = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(Opaque.rgb(image), turned);
        return turned;
    }
}

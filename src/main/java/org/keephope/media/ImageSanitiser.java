package org.keephope.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * Decodes an uploaded image to pixels and encodes the pixels afresh. Only pixels cross over: EXIF (with
 * its GPS position), XMP, ICC profiles, comments and anything appended to the file are left behind, so a
 * photographer's location cannot leak through a picture we publish.
 */
@Component
class ImageSanitiser {

    /** Pixels, not bytes, bound the memory a decode takes: a small file can declare a huge image. */
    static final long MAX_PIXELS = 40_000_000L;

    static final float JPEG_QUALITY = 0.9f;

    record Clean(ImageFormat.StoredType type, byte[] bytes, int width, int height) {}

    ImageSanitiser() {
        // finds the WebP reader (TwelveMonkeys) whichever class loader started the application
        ImageIO.scanForPlugins();
    }

    Clean sanitise(byte[] content) {
        ImageFormat format = ImageFormat.sniff(content).orElseThrow(MediaRefused::notAnImage);
        BufferedImage image = decode(content, format);
        if (format == ImageFormat.JPEG) {
            image = ExifOrientation.apply(image, ExifOrientation.of(content));
        }
        ImageFormat.StoredType type = format.storedAs();
        BufferedImage pixels = type == ImageFormat.StoredType.JPEG ? rgb(image) : image;
        return new Clean(type, encode(pixels, type), image.getWidth(), image.getHeight());
    }

    private static BufferedImage decode(byte[] content, ImageFormat format) {
        var readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw MediaRefused.notAnImage();
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels <= 0 || pixels > MAX_PIXELS) {
                throw MediaRefused.tooManyPixels();
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw MediaRefused.unreadable();
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaRefused refused) {
                throw refused;
            }
            // a truncated or malformed file, or a variant the decoder does not know (e.g. CMYK JPEG)
            throw MediaRefused.unreadable();
        } finally {
            reader.dispose();
        }
    }

    /** JPEG has no alpha and the JDK writer mishandles some source types: grey stays, the rest is plain RGB. */
    private static BufferedImage rgb(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY ? image : Opaque.rgb(image);
    }

    private static byte[] encode(BufferedImage image, ImageFormat.StoredType type) {
        ImageWriter writer =
                ImageIO.getImageWritersByFormatName(type.writerName).next();
        var out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type == ImageFormat.StoredType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            // no metadata argument: the writer emits only what the format requires
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}

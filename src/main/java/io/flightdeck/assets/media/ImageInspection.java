package io.flightdeck.assets.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Images through ImageIO (JPEG, PNG, GIF, BMP, TIFF from the JDK; WebP from TwelveMonkeys' pure-Java plugin): the size
 * from the header, then one decode that reads only every n-th pixel of every n-th row, so that its raster stays under
 * twice the large thumbnail's size (about 26 MB at worst) however big the image is. The thumbnails and the perceptual
 * hash all come from that one decode.
 */
final class ImageInspection {

    /** Beyond this, decoding takes too long to be worth a thumbnail (a 20000×20000 poster still passes). */
    static final long MAX_PIXELS = 400_000_000L;
    /**
     * TwelveMonkeys decodes a lossless WebP whole before it subsamples, so a WebP's raster is its full size; this keeps
     * that under about 64 MB. (WebP tops out at 16383 px a side; photos on the web are far below this.)
     */
    static final long MAX_WEBP_PIXELS = 4096L * 4096;

    static {
        // ImageIO finds plugins once, through whichever context class loader the first caller had; in the packaged
        // application that may not see the WebP plugin, so register what this class's own loader sees
        IIORegistry.getDefaultInstance()
                .registerServiceProviders(ServiceLoader.load(ImageReaderSpi.class, ImageInspection.class.getClassLoader()).iterator());
    }

    private ImageInspection() {
    }

    static MediaFacts inspect(Path file, String mimeType) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return MediaFacts.none("No image reader recognises this content (" + mimeType + ")");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return inspect(file, mimeType, reader);
            } finally {
                reader.dispose();
            }
        }
    }

    private static MediaFacts inspect(Path file, String mimeType, ImageReader reader) throws IOException {
        int storedWidth = reader.getWidth(0);
        int storedHeight = reader.getHeight(0);
        int orientation = "image/jpeg".equals(mimeType) ? ExifOrientation.of(file) : 1;
        boolean quarterTurn = orientation >= 5;
        int width = quarterTurn ? storedHeight : storedWidth;
        int height = quarterTurn ? storedWidth : storedHeight;
        long pixels = (long) storedWidth * storedHeight;
        if (pixels > MAX_PIXELS || ("image/webp".equals(mimeType) && pixels > MAX_WEBP_PIXELS)) {
            return new MediaFacts(width, height, null, null, null, null, null, List.of(), null);
        }

        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(storedWidth, storedHeight);
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage decoded = reader.read(0, param);

        Pictures.Thumbnails thumbnails = Pictures.thumbnails(decoded, storedWidth, storedHeight, orientation);
        return new MediaFacts(width, height, null, null, null, null, PerceptualHash.of(thumbnails.small()),
                thumbnails.renditions(), null);
    }

    /**
     * Read every n-th pixel: the largest n that still leaves the longest side at least the large thumbnail's, so the
     * thumbnail is scaled down from real pixels, never up.
     */
    static int subsampling(int width, int height) {
        return Math.max(1, Math.max(width, height) / Pictures.LARGE);
    }
}

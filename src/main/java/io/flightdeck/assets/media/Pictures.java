package io.flightdeck.assets.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Scaling, turning and encoding the pictures every kind of media ends in. */
final class Pictures {

    static final int SMALL = 320;
    static final int LARGE = 1280;
    private static final float JPEG_QUALITY = 0.85f;

    /** Both thumbnails, and the small one still as pixels (to hash it without decoding it again). */
    record Thumbnails(BufferedImage small, List<Rendition> renditions) {
    }

    private Pictures() {
    }

    /**
     * The thumbnails of a picture whose full size is {@code width}×{@code height} as stored; {@code picture} itself may
     * be smaller (a subsampled decode) but not smaller than the large thumbnail. Never upscaled: a picture smaller than a
     * thumbnail's size keeps its own. Turned as the EXIF {@code orientation} says (1 for none). PNG when some pixel is not
     * fully opaque, else JPEG.
     */
    static Thumbnails thumbnails(BufferedImage picture, int width, int height, int orientation) throws IOException {
        Dimension largeSize = fit(width, height, LARGE);
        BufferedImage large = orient(resize(picture, largeSize.width, largeSize.height), orientation);
        boolean transparent = hasTransparency(large);
        if (!transparent && large.getColorModel().hasAlpha()) {
            large = flatten(large);
        }
        Dimension smallSize = fit(large.getWidth(), large.getHeight(), SMALL);
        BufferedImage small = resize(large, smallSize.width, smallSize.height);
        return new Thumbnails(small, List.of(encode(Rendition.THUMB_SMALL, small, transparent),
                encode(Rendition.THUMB_LARGE, large, transparent)));
    }

    /** The size with the longest side at most {@code longest}, aspect kept, never upscaled, never zero. */
    static Dimension fit(int width, int height, int longest) {
        int side = Math.max(width, height);
        if (side <= longest) {
            return new Dimension(width, height);
        }
        double scale = (double) longest / side;
        return new Dimension(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    /**
     * A new standard-type (int RGB or ARGB) picture of that size. Shrinks by halves with bilinear filtering before the
     * last step, so every source pixel counts and fine detail averages out instead of aliasing (one bilinear step from
     * 2560 to 320 px would sample only a few source pixels in every 8×8 block).
     */
    static BufferedImage resize(BufferedImage source, int width, int height) {
        int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source;
        int currentWidth = source.getWidth();
        int currentHeight = source.getHeight();
        do {
            currentWidth = currentWidth / 2 >= width ? currentWidth / 2 : width;
            currentHeight = currentHeight / 2 >= height ? currentHeight / 2 : height;
            BufferedImage next = new BufferedImage(currentWidth, currentHeight, type);
            Graphics2D graphics = next.createGraphics();
            try {
                graphics.setComposite(AlphaComposite.Src);
                graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                graphics.drawImage(current, 0, 0, currentWidth, currentHeight, null);
            } finally {
                graphics.dispose();
            }
            current = next;
        } while (currentWidth != width || currentHeight != height);
        return current;
    }

    /** The same pixels over white, without an alpha channel (JPEG has none, and hashes compare what a viewer sees). */
    static BufferedImage flatten(BufferedImage picture) {
        BufferedImage opaque = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = opaque.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, picture.getWidth(), picture.getHeight());
            graphics.drawImage(picture, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return opaque;
    }

    /**
     * Turns a standard-type picture (as {@link #resize} makes) as its EXIF orientation says (1 = as stored, 2–8 the mirrorings and quarter turns of the EXIF
     * specification), so that it shows the way the camera was held.
     */
    static BufferedImage orient(BufferedImage picture, int orientation) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, width, height);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, height);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, height, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, height, width);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, width);
            default -> null;
        };
        if (transform == null) {
            return picture;
        }
        boolean quarterTurn = orientation >= 5;
        BufferedImage turned = new BufferedImage(quarterTurn ? height : width, quarterTurn ? width : height,
                picture.getType());
        Graphics2D graphics = turned.createGraphics();
        try {
            graphics.drawImage(picture, transform, null);
        } finally {
            graphics.dispose();
        }
        return turned;
    }

    static boolean hasTransparency(BufferedImage picture) {
        if (!picture.getColorModel().hasAlpha()) {
            return false;
        }
        if (picture.getType() == BufferedImage.TYPE_INT_ARGB) {
            for (int pixel : ((DataBufferInt) picture.getRaster().getDataBuffer()).getData()) {
                if (pixel >>> 24 != 0xff) {
                    return true;
                }
            }
            return false;
        }
        int[] row = new int[picture.getWidth()];
        for (int y = 0; y < picture.getHeight(); y++) {
            picture.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int pixel : row) {
                if (pixel >>> 24 != 0xff) {
                    return true;
                }
            }
        }
        return false;
    }

    /** PNG keeps the transparency; otherwise JPEG, which is a fraction of the size for photos. */
    static Rendition encode(String name, BufferedImage picture, boolean transparent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (transparent) {
            ImageIO.write(picture, "png", bytes);
            return new Rendition(name, "image/png", picture.getWidth(), picture.getHeight(), bytes.toByteArray());
        }
        writeJpeg(picture.getColorModel().hasAlpha() ? flatten(picture) : picture, JPEG_QUALITY, bytes);
        return new Rendition(name, "image/jpeg", picture.getWidth(), picture.getHeight(), bytes.toByteArray());
    }

    static void writeJpeg(BufferedImage picture, float quality, OutputStream target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}

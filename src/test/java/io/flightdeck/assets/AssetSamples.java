package io.flightdeck.assets;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.imageio.ImageIO;

/** Files for asset tests, made on the spot: real images, an executable header, plain bytes. */
public final class AssetSamples {

    private AssetSamples() {
    }

    /** A PNG that differs for every seed: a gradient with a few shapes. */
    public static byte[] png(int seed, int width, int height) {
        return encode(picture(seed, width, height), "png");
    }

    public static byte[] jpeg(int seed, int width, int height) {
        return encode(picture(seed, width, height), "jpg");
    }

    public static BufferedImage picture(int seed, int width, int height) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), width, height, new Color(random.nextInt(0xffffff))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), width / 3, height / 3);
        }
        g.dispose();
        return image;
    }

    /** The first bytes of a Linux executable, whatever the file is called. */
    public static byte[] elfExecutable() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.flightdeck.assets.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import io.flightdeck.support.SampleVideos;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The media the tests inspect, all made on the spot from a seed: nothing binary is kept in the repository. */
final class MediaSamples {

    /**
     * The smallest lossless WebP there is (1×1), as browsers' feature tests use it: nothing here can write WebP, and a
     * one-pixel image still proves the reader is plugged in.
     */
    static final byte[] WEBP_1X1 = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private MediaSamples() {
    }

    /**
     * Something like a photo: a sky-to-ground gradient, soft shapes at random places and sizes, a caption, and sensor
     * noise; different seeds differ in every part.
     */
    static BufferedImage photo(long seed, int width, int height) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, randomColor(random), width * random.nextFloat(), height, randomColor(random)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 14; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 120 + random.nextInt(136)));
            double x = random.nextDouble() * width;
            double y = random.nextDouble() * height;
            double w = (0.08 + random.nextDouble() * 0.4) * width;
            double h = (0.08 + random.nextDouble() * 0.4) * height;
            switch (random.nextInt(3)) {
                case 0 -> g.fill(new Ellipse2D.Double(x - w / 2, y - h / 2, w, h));
                case 1 -> g.fill(new RoundRectangle2D.Double(x - w / 2, y - h / 2, w, h, w / 5, h / 5));
                default -> {
                    Path2D.Double triangle = new Path2D.Double();
                    triangle.moveTo(x, y - h / 2);
                    triangle.lineTo(x + w / 2, y + h / 2);
                    triangle.lineTo(x - w / 2, y + h / 2);
                    triangle.closePath();
                    g.fill(triangle);
                }
            }
        }
        g.setStroke(new BasicStroke(Math.max(1, width / 200f)));
        g.setColor(Color.WHITE);
        for (int i = 0; i < 6; i++) {
            g.drawLine(random.nextInt(width), random.nextInt(height), random.nextInt(width), random.nextInt(height));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, height / 12)));
        g.drawString("Sample " + seed, width / 20, height - height / 20);
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int noise = (int) (random.nextGaussian() * 6);
                row[x] = clamp((row[x] >> 16 & 0xff) + noise) << 16 | clamp((row[x] >> 8 & 0xff) + noise) << 8
                        | clamp((row[x] & 0xff) + noise);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /** A picture with a see-through background: a disc on nothing. */
    static BufferedImage cutOut(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 40, 90));
        g.fillOval(width / 8, height / 8, width * 3 / 4, height * 3 / 4);
        g.dispose();
        return image;
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    static Path jpeg(BufferedImage image, float quality, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Pictures.writeJpeg(image, quality, out);
        }
        return file;
    }

    static BufferedImage scaled(BufferedImage image, double factor) {
        return Pictures.resize(image, (int) Math.round(image.getWidth() * factor), (int) Math.round(image.getHeight() * factor));
    }

    /**
     * A PNG of {@code width}×{@code height} RGB pixels (diagonal bands with a grid), written row by row through a
     * deflater, so that even 12000×12000 needs one row in memory, not a 432 MB raster.
     */
    static Path hugePng(Path file, int width, int height) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(width);
            ihdr.writeInt(height);
            ihdr.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, truecolour, deflate, no filter method, not interlaced
            chunk(out, "IHDR", header.toByteArray());
            ChunkStream idat = new ChunkStream(out);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream pixels = new DeflaterOutputStream(idat, deflater, 64 * 1024)) {
                byte[] row = new byte[1 + width * 3];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        boolean grid = x % 500 < 8 || y % 500 < 8;
                        int band = ((x + y) / 600) % 2;
                        row[1 + x * 3] = (byte) (grid ? 20 : band == 0 ? 230 : 40);
                        row[2 + x * 3] = (byte) (grid ? 20 : 120 + y * 100 / height);
                        row[3 + x * 3] = (byte) (grid ? 20 : band == 0 ? 60 : 210);
                    }
                    pixels.write(row);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    /** Cuts whatever is written into IDAT chunks of up to 1 MiB. */
    private static final class ChunkStream extends OutputStream {
        private final DataOutputStream out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        ChunkStream(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            pending.write(bytes, offset, length);
            if (pending.size() >= 1 << 20) {
                flushChunk();
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }

        private void flushChunk() throws IOException {
            if (pending.size() > 0) {
                chunk(out, "IDAT", pending.toByteArray());
                pending.reset();
            }
        }
    }

    /** An H.264 MP4 of {@code seconds} at {@code fps} ({@link SampleVideos}). */
    static Path mp4(Path file, int width, int height, int fps, int seconds) throws IOException {
        return SampleVideos.mp4(file, width, height, fps, seconds);
    }

    static Path mp4Frames(Path file, int width, int height, int fps, int frames) throws IOException {
        return SampleVideos.mp4Frames(file, width, height, fps, frames);
    }

    /** A PDF of {@code pages} A4 pages with a heading and a few lines of text each. */
    static Path pdf(Path file, int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.setNonStrokingColor(new Color(30, 90, 160));
                    content.addRect(50, 700, 495, 90);
                    content.fill();
                    content.beginText();
                    content.setNonStrokingColor(Color.BLACK);
                    content.setFont(bold, 28);
                    content.newLineAtOffset(60, 650);
                    content.showText("Campaign brief, page " + i);
                    content.setFont(regular, 12);
                    for (int line = 0; line < 20; line++) {
                        content.newLineAtOffset(0, -22);
                        content.showText("Line " + line + ": audience, message, channels and the budget for the quarter.");
                    }
                    content.endText();
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static Color randomColor(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}

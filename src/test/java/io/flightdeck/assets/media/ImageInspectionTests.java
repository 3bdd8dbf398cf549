package io.flightdeck.assets.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInspectionTests {

    @TempDir
    Path dir;

    @Test
    void aJpegPhotoHasItsSizeTwoThumbnailsAndAHash() throws IOException {
        Path photo = MediaSamples.jpeg(MediaSamples.photo(1, 1600, 1200), 0.9f, dir.resolve("photo.jpg"));

        MediaFacts facts = MediaInspector.inspect(photo, "image/jpeg");

        assertThat(facts.readable()).isTrue();
        assertThat(facts.width()).isEqualTo(1600);
        assertThat(facts.height()).isEqualTo(1200);
        assertThat(facts.perceptualHash()).isNotNull();
        assertThat(facts.durationMillis()).isNull();
        assertThat(facts.pageCount()).isNull();
        assertThat(facts.renditions()).extracting(Rendition::name).containsExactly("thumb-small", "thumb-large");
        assertDecodes(facts.rendition("thumb-small").orElseThrow(), "image/jpeg", 320, 240);
        assertDecodes(facts.rendition("thumb-large").orElseThrow(), "image/jpeg", 1280, 960);
    }

    @Test
    void aPortraitPngKeepsItsAspect() throws IOException {
        Path png = MediaSamples.write(MediaSamples.photo(2, 900, 1500), "png", dir.resolve("portrait.png"));

        MediaFacts facts = MediaInspector.inspect(png, "image/png");

        assertThat(facts.width()).isEqualTo(900);
        assertThat(facts.height()).isEqualTo(1500);
        assertDecodes(facts.rendition("thumb-small").orElseThrow(), "image/jpeg", 192, 320);
        // 1500 is above 1280 on the long side; the short side follows
        assertDecodes(facts.rendition("thumb-large").orElseThrow(), "image/jpeg", 768, 1280);
    }

    @Test
    void aSmallImageIsNeverUpscaled() throws IOException {
        Path gif = MediaSamples.write(MediaSamples.photo(3, 200, 120), "gif", dir.resolve("small.gif"));

        MediaFacts facts = MediaInspector.inspect(gif, "image/gif");

        assertThat(facts.width()).isEqualTo(200);
        assertThat(facts.height()).isEqualTo(120);
        assertDecodes(facts.rendition("thumb-small").orElseThrow(), "image/jpeg", 200, 120);
        assertDecodes(facts.rendition("thumb-large").orElseThrow(), "image/jpeg", 200, 120);
    }

    @Test
    void transparencyKeepsThumbnailsInPng() throws IOException {
        Path png = MediaSamples.write(MediaSamples.cutOut(2000, 1000), "png", dir.resolve("logo.png"));

        MediaFacts facts = MediaInspector.inspect(png, "image/png");

        BufferedImage large = assertDecodes(facts.rendition("thumb-large").orElseThrow(), "image/png", 1280, 640);
        assertThat(large.getRGB(0, 0) >>> 24).as("a corner stays see-through").isZero();
        assertThat(large.getRGB(640, 320) >>> 24).as("the disc stays opaque").isEqualTo(0xff);
        assertDecodes(facts.rendition("thumb-small").orElseThrow(), "image/png", 320, 160);
    }

    @Test
    void anOpaquePngWithAnAlphaChannelGetsJpegThumbnails() throws IOException {
        BufferedImage argb = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        argb.createGraphics().drawImage(MediaSamples.photo(4, 400, 300), 0, 0, null);
        Path png = MediaSamples.write(argb, "png", dir.resolve("opaque-argb.png"));

        MediaFacts facts = MediaInspector.inspect(png, "image/png");

        assertDecodes(facts.rendition("thumb-small").orElseThrow(), "image/jpeg", 320, 240);
    }

    @Test
    void bmpAndTiffAreRead() throws IOException {
        BufferedImage photo = MediaSamples.photo(5, 640, 480);

        for (String format : List.of("bmp", "tiff")) {
            MediaFacts facts = MediaInspector.inspect(MediaSamples.write(photo, format, dir.resolve("photo." + format)),
                    "image/" + format);
            assertThat(facts.width()).as(format).isEqualTo(640);
            assertThat(facts.height()).as(format).isEqualTo(480);
            assertDecodes(facts.rendition("thumb-small").orElseThrow(), "image/jpeg", 320, 240);
        }
    }

    @Test
    void webpIsReadThroughThePureJavaPlugin() throws IOException {
        Path webp = Files.write(dir.resolve("pixel.webp"), MediaSamples.WEBP_1X1);

        MediaFacts facts = MediaInspector.inspect(webp, "image/webp");

        assertThat(facts.unreadableReason()).isNull();
        assertThat(facts.width()).isEqualTo(1);
        assertThat(facts.height()).isEqualTo(1);
        assertThat(facts.rendition("thumb-small")).isPresent();
    }

    @Test
    void exifOrientationTurnsSizeAndThumbnails() throws IOException {
        // a camera held upright: 1600×1200 pixels stored, orientation 6 (turn 90° clockwise to view)
        BufferedImage stored = MediaSamples.photo(6, 1600, 1200);
        byte[] jpeg = Files.readAllBytes(MediaSamples.jpeg(stored, 0.9f, dir.resolve("stored.jpg")));
        Path upright = Files.write(dir.resolve("upright.jpg"), withExifOrientation(jpeg, 6));

        MediaFacts facts = MediaInspector.inspect(upright, "image/jpeg");

        assertThat(facts.width()).isEqualTo(1200);
        assertThat(facts.height()).isEqualTo(1600);
        BufferedImage large = assertDecodes(facts.rendition("thumb-large").orElseThrow(), "image/jpeg", 960, 1280);
        // the stored picture's top-left corner is now the top-right one
        assertThat(similar(large.getRGB(955, 4), stored.getRGB(5, 5))).isTrue();
        assertDecodes(facts.rendition("thumb-small").orElseThrow(), "image/jpeg", 240, 320);
    }

    @Test
    void hugeImagesAreDecodedSubsampled() {
        assertThat(ImageInspection.subsampling(12000, 12000)).isEqualTo(9);
        assertThat(ImageInspection.subsampling(12000, 3000)).isEqualTo(9);
        assertThat(ImageInspection.subsampling(2559, 100)).isEqualTo(1);
        assertThat(ImageInspection.subsampling(1280, 1280)).isEqualTo(1);
    }

    /**
     * A 12000×12000 PNG would need a 432 MB raster decoded whole; a JVM with a 128 MB heap inspects it (see
     * {@link HugeImageProbe}), so the decode is subsampled and nothing else holds the full image either.
     */
    @Test
    void aHugePngIsInspectedInASmallHeap() throws Exception {
        Path png = MediaSamples.hugePng(dir.resolve("huge.png"), 12000, 12000);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(List.of(java, "-Xmx128m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), HugeImageProbe.class.getName(), png.toString()))
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(3, TimeUnit.MINUTES)).as("the probe finished").isTrue();
        assertThat(probe.exitValue()).as("the probe's output:%n%s", output).isZero();

        assertThat(output).contains("size 12000x12000", "thumb-small image/jpeg 320x320", "thumb-large image/jpeg 1280x1280",
                "hash ");
    }

    @Test
    void anImageAboveThePixelLimitHasItsSizeButNoThumbnails() throws IOException {
        // only the header is read: an IHDR claiming 30000×20000 (600 megapixels) with no pixel data behind it
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(30000).putInt(20000).put(new byte[] {8, 2, 0, 0, 0});
        Path png = Files.write(dir.resolve("poster.png"), pngWithHeaderOnly(ihdr.array()));

        MediaFacts facts = MediaInspector.inspect(png, "image/png");

        assertThat(facts.readable()).isTrue();
        assertThat(facts.width()).isEqualTo(30000);
        assertThat(facts.height()).isEqualTo(20000);
        assertThat(facts.renditions()).isEmpty();
        assertThat(facts.perceptualHash()).isNull();
    }

    @Test
    void randomBytesClaimingToBeAPngAreUnreadable() throws IOException {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.png"), noise);

        MediaFacts facts = MediaInspector.inspect(file, "image/png");

        assertThat(facts.readable()).isFalse();
        assertThat(facts.unreadableReason()).contains("image/png");
        assertThat(facts.renditions()).isEmpty();
    }

    @Test
    void aTruncatedPngIsUnreadable() throws IOException {
        byte[] png = Files.readAllBytes(MediaSamples.write(MediaSamples.photo(8, 800, 600), "png", dir.resolve("whole.png")));
        Path truncated = Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(png, png.length / 3));

        MediaFacts facts = MediaInspector.inspect(truncated, "image/png");

        assertThat(facts.readable()).isFalse();
        assertThat(facts.unreadableReason()).startsWith("The image could not be read");
    }

    static BufferedImage assertDecodes(Rendition rendition, String mimeType, int width, int height) throws IOException {
        assertThat(rendition.mimeType()).as(rendition.name()).isEqualTo(mimeType);
        assertThat(rendition.width()).as(rendition.name()).isEqualTo(width);
        assertThat(rendition.height()).as(rendition.name()).isEqualTo(height);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(rendition.bytes()));
        assertThat(decoded).as(rendition.name() + " decodes").isNotNull();
        assertThat(decoded.getWidth()).isEqualTo(width);
        assertThat(decoded.getHeight()).isEqualTo(height);
        return decoded;
    }

    /** The JPEG with an EXIF APP1 segment (a little-endian TIFF with one entry, orientation) right after SOI. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8); // header, IFD0 at 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + exif.length + tiff.capacity();
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] pngWithHeaderOnly(byte[] ihdr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("IHDR".getBytes(StandardCharsets.US_ASCII));
        crc.update(ihdr);
        out.writeBytes(ByteBuffer.allocate(4).putInt(ihdr.length).array());
        out.writeBytes("IHDR".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ihdr);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    private static boolean similar(int rgb, int other) {
        return Math.abs((rgb >> 16 & 0xff) - (other >> 16 & 0xff)) < 40
                && Math.abs((rgb >> 8 & 0xff) - (other >> 8 & 0xff)) < 40
                && Math.abs((rgb & 0xff) - (other & 0xff)) < 40;
    }
}

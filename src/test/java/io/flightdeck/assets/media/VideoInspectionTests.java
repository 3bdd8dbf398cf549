package io.flightdeck.assets.media;

import static io.flightdeck.assets.media.ImageInspectionTests.assertDecodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoInspectionTests {

    @TempDir
    static Path dir;

    /** 3 s at 10 fps, 320×240: a ball crossing the frame from left to right. */
    static Path clip;

    @BeforeAll
    static void encodeTheClip() throws IOException {
        clip = MediaSamples.mp4(dir.resolve("clip.mp4"), 320, 240, 10, 3);
    }

    @Test
    void anH264Mp4HasItsFactsAndAPoster() throws IOException {
        MediaFacts facts = MediaInspector.inspect(clip, "video/mp4");

        assertThat(facts.unreadableReason()).isNull();
        assertThat(facts.width()).isEqualTo(320);
        assertThat(facts.height()).isEqualTo(240);
        assertThat(facts.codec()).isEqualTo("h264");
        assertThat(facts.durationMillis()).isCloseTo(3000L, within(100L)); // within a frame
        assertThat(facts.frameRate()).isCloseTo(10.0, within(0.01));
        assertThat(facts.audio()).as("the sample has no sound track").isFalse();
        assertThat(facts.pageCount()).isNull();
        assertThat(facts.perceptualHash()).isNull();
        assertThat(facts.renditions()).extracting(Rendition::name).containsExactly("poster");
        assertDecodes(facts.rendition("poster").orElseThrow(), "image/jpeg", 320, 240);
    }

    @Test
    void thePosterIsAboutOneSecondIn() throws IOException {
        BufferedImage poster = assertDecodes(MediaInspector.inspect(clip, "video/quicktime").rendition("poster").orElseThrow(),
                "image/jpeg", 320, 240);

        // the ball (white, 60 px) crosses 260 px in 29 frames: at frame 10 it spans about x 90–150, at frame 0 x 0–60
        assertThat(brightness(poster.getRGB(120, 110))).as("the ball at 1 s").isGreaterThan(200);
        assertThat(brightness(poster.getRGB(30, 110))).as("no ball where it started").isLessThan(200);
    }

    @Test
    void aClipShorterThanASecondGetsItsFirstFrame() throws IOException {
        Path shortClip = MediaSamples.mp4Frames(dir.resolve("half.mp4"), 160, 120, 10, 5);

        MediaFacts facts = MediaInspector.inspect(shortClip, "video/mp4");

        assertThat(facts.durationMillis()).isCloseTo(500L, within(100L));
        BufferedImage poster = assertDecodes(facts.rendition("poster").orElseThrow(), "image/jpeg", 160, 120);
        assertThat(brightness(poster.getRGB(15, 55))).as("the ball where it starts").isGreaterThan(200);
    }

    @Test
    void aTruncatedMp4IsUnreadable() throws IOException {
        byte[] whole = Files.readAllBytes(clip);
        Path truncated = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(whole, whole.length / 2));

        MediaFacts facts = MediaInspector.inspect(truncated, "video/mp4");

        assertThat(facts.readable()).isFalse();
        assertThat(facts.unreadableReason()).isNotBlank();
        assertThat(facts.renditions()).isEmpty();
    }

    @Test
    void randomBytesClaimingToBeAnMp4AreUnreadable() throws IOException {
        byte[] noise = new byte[8192];
        new Random(11).nextBytes(noise);

        MediaFacts facts = MediaInspector.inspect(Files.write(dir.resolve("noise.mp4"), noise), "video/mp4");

        assertThat(facts.readable()).isFalse();
        assertThat(facts.unreadableReason()).isNotBlank();
    }

    @Test
    void aWebmIsNotReadInProcess() throws IOException {
        // an EBML header with the "webm" doctype, which is all content detection looks at
        byte[] webm = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, (byte) 0x9f, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};

        MediaFacts facts = MediaInspector.inspect(Files.write(dir.resolve("clip.webm"), webm), "video/webm");

        assertThat(facts.readable()).isFalse();
        assertThat(facts.unreadableReason()).contains("video/webm");
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
    }
}

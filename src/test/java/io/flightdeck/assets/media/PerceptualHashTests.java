package io.flightdeck.assets.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near-duplicates stay within {@link PerceptualHash#NEAR_DUPLICATE} and different pictures stay beyond it, each file
 * hashed the way uploads are ({@link MediaInspector}: subsampled decode, thumbnail, hash). Measured here with the DCT
 * hash: re-encoding at quality 0.5–0.7 at most 2 bits, halving or quartering at most 2, PNG re-save 0; the closest two
 * of the twelve different pictures 20 bits apart.
 */
class PerceptualHashTests {

    private static final int SEEDS = 12;

    @TempDir
    static Path dir;

    /** Per seed: the upload (JPEG, quality 0.9, 1600×1200) and its near-duplicates. */
    static final List<Variants> SAMPLES = new ArrayList<>();

    record Variants(long seed, Path original, List<Path> nearDuplicates) {
    }

    @BeforeAll
    static void makeTheSamples() throws IOException {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Path original = MediaSamples.jpeg(MediaSamples.photo(seed, 1600, 1200), 0.9f, dir.resolve(seed + ".jpg"));
            BufferedImage upload = ImageIO.read(original.toFile());
            SAMPLES.add(new Variants(seed, original, List.of(
                    MediaSamples.jpeg(upload, 0.5f, dir.resolve(seed + "-q50.jpg")),
                    MediaSamples.jpeg(upload, 0.6f, dir.resolve(seed + "-q60.jpg")),
                    MediaSamples.jpeg(upload, 0.7f, dir.resolve(seed + "-q70.jpg")),
                    MediaSamples.jpeg(MediaSamples.scaled(upload, 0.5), 0.8f, dir.resolve(seed + "-half.jpg")),
                    MediaSamples.jpeg(MediaSamples.scaled(upload, 0.25), 0.8f, dir.resolve(seed + "-quarter.jpg")),
                    MediaSamples.write(upload, "png", dir.resolve(seed + "-resaved.png")))));
        }
    }

    @Test
    void nearDuplicatesAreWithinTheThreshold() throws IOException {
        int worst = 0;
        for (Variants sample : SAMPLES) {
            long original = hash(sample.original());
            for (Path copy : sample.nearDuplicates()) {
                int distance = PerceptualHash.distance(original, hash(copy));
                assertThat(distance).as("%s against its original", copy.getFileName()).isLessThanOrEqualTo(PerceptualHash.NEAR_DUPLICATE);
                worst = Math.max(worst, distance);
            }
        }
        // what the algorithm choice rests on (see PerceptualHash): well inside the threshold, not just under it
        assertThat(worst).isLessThanOrEqualTo(PerceptualHash.NEAR_DUPLICATE / 2);
    }

    @Test
    void differentPicturesAreBeyondTheThreshold() throws IOException {
        List<Long> hashes = new ArrayList<>();
        for (Variants sample : SAMPLES) {
            hashes.add(hash(sample.original()));
        }
        int closest = Integer.MAX_VALUE;
        for (int i = 0; i < hashes.size(); i++) {
            for (int j = i + 1; j < hashes.size(); j++) {
                int distance = PerceptualHash.distance(hashes.get(i), hashes.get(j));
                assertThat(PerceptualHash.nearDuplicates(hashes.get(i), hashes.get(j)))
                        .as("seed %d against seed %d (%d bits apart)", i + 1, j + 1, distance).isFalse();
                closest = Math.min(closest, distance);
            }
        }
        assertThat(closest).isGreaterThan(2 * PerceptualHash.NEAR_DUPLICATE);
    }

    @Test
    void aHashIsTheSameForTheSamePictureAndUsesAllSixtyFourBits() {
        BufferedImage photo = MediaSamples.photo(42, 640, 480);

        assertThat(PerceptualHash.of(photo)).isEqualTo(PerceptualHash.of(MediaSamples.photo(42, 640, 480)));
        long any = 0;
        for (long seed = 1; seed <= 20; seed++) {
            any |= PerceptualHash.of(MediaSamples.photo(seed, 320, 240));
        }
        assertThat(any).as("every bit is set by some picture, the sign bit too").isEqualTo(-1L);
    }

    @Test
    void transparencyCountsAsWhite() {
        BufferedImage cutOut = MediaSamples.cutOut(400, 400);

        assertThat(PerceptualHash.of(cutOut)).isEqualTo(PerceptualHash.of(Pictures.flatten(cutOut)));
    }

    @Test
    void distanceCountsDifferingBits() {
        assertThat(PerceptualHash.distance(0L, 0L)).isZero();
        assertThat(PerceptualHash.distance(0L, -1L)).isEqualTo(64);
        assertThat(PerceptualHash.distance(0b1011L, 0b0110L)).isEqualTo(3);
        assertThat(PerceptualHash.distance(Long.MIN_VALUE, 0L)).isEqualTo(1);
    }

    private static long hash(Path file) throws IOException {
        String mimeType = file.toString().endsWith(".png") ? "image/png" : "image/jpeg";
        return MediaInspector.inspect(file, mimeType).perceptualHash();
    }
}

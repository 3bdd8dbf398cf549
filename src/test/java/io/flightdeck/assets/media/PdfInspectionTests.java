package io.flightdeck.assets.media;

import static io.flightdeck.assets.media.ImageInspectionTests.assertDecodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfInspectionTests {

    @TempDir
    Path dir;

    @Test
    void aPdfHasItsPageCountAndFirstPageThumbnails() throws IOException {
        Path pdf = MediaSamples.pdf(dir.resolve("brief.pdf"), 3);

        MediaFacts facts = MediaInspector.inspect(pdf, "application/pdf");

        assertThat(facts.unreadableReason()).isNull();
        assertThat(facts.pageCount()).isEqualTo(3);
        assertThat(facts.width()).isNull();
        assertThat(facts.durationMillis()).isNull();
        assertThat(facts.perceptualHash()).isNull();
        // A4 is 595×842 points: the longest side drawn at 1280 and 320 pixels
        BufferedImage large = assertDecodes(facts.rendition("thumb-large").orElseThrow(), "image/jpeg", 905, 1280);
        assertDecodes(facts.rendition("thumb-small").orElseThrow(), "image/jpeg", 226, 320);
        // the blue band at the top of the page was drawn, and the margin stayed white
        int band = large.getRGB(450, 100);
        assertThat(band & 0xff).as("blue").isGreaterThan(band >> 16 & 0xff);
        assertThat(large.getRGB(20, 640) & 0xffffff).as("margin").isGreaterThan(0xf0f0f0);
    }

    @Test
    void aPasswordProtectedPdfIsUnreadable() throws IOException {
        Path plain = MediaSamples.pdf(dir.resolve("plain.pdf"), 1);
        Path locked = dir.resolve("locked.pdf");
        try (PDDocument document = Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(locked.toFile());
        }

        MediaFacts facts = MediaInspector.inspect(locked, "application/pdf");

        assertThat(facts.readable()).isFalse();
        assertThat(facts.unreadableReason()).contains("password");
    }

    @Test
    void aBrokenPdfIsUnreadable() throws IOException {
        byte[] whole = Files.readAllBytes(MediaSamples.pdf(dir.resolve("whole.pdf"), 3));
        Path header = Files.write(dir.resolve("header-only.pdf"), Arrays.copyOf(whole, 20));

        MediaFacts facts = MediaInspector.inspect(header, "application/pdf");

        assertThat(facts.readable()).isFalse();
        assertThat(facts.unreadableReason()).startsWith("The PDF could not be read");
    }
}

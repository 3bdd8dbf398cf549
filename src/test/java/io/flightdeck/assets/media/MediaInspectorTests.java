package io.flightdeck.assets.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaInspectorTests {

    @TempDir
    Path dir;

    @Test
    void typesWithoutDerivedDataAnswerNoneWithTheType() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThat(MediaInspector.inspect(text, "text/plain").unreadableReason()).contains("text/plain");
        assertThat(MediaInspector.inspect(text, null).unreadableReason()).contains("unknown");
        assertThat(MediaInspector.inspect(text, "image/heic").unreadableReason()).contains("image/heic");
    }

    @Test
    void parametersAndCaseOfTheTypeDoNotMatter() throws IOException {
        Path png = MediaSamples.write(MediaSamples.photo(9, 64, 48), "png", dir.resolve("tiny.png"));

        MediaFacts facts = MediaInspector.inspect(png, "IMAGE/PNG; charset=binary");

        assertThat(facts.width()).isEqualTo(64);
    }

    @Test
    void theContentDecidesTheReaderNotTheClaimedImageType() throws IOException {
        // Tika calls it image/png; even if a type were wrong, the reader is picked by the content's magic
        Path jpeg = MediaSamples.jpeg(MediaSamples.photo(10, 300, 200), 0.8f, dir.resolve("really-a.jpg"));

        assertThat(MediaInspector.inspect(jpeg, "image/png").width()).isEqualTo(300);
    }

    @Test
    void aMissingFileIsAnIoErrorForTheJobToRetry() {
        assertThatThrownBy(() -> MediaInspector.inspect(dir.resolve("gone.png"), "image/png"))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void anEmptyFileIsUnreadable() throws IOException {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);

        for (String type : new String[] {"image/png", "video/mp4", "application/pdf"}) {
            MediaFacts facts = MediaInspector.inspect(empty, type);
            assertThat(facts.readable()).as(type).isFalse();
            assertThat(facts.unreadableReason()).as(type).isNotBlank();
        }
    }

    @Test
    void noneHasOnlyTheReason() {
        MediaFacts none = MediaFacts.none("why");

        assertThat(none.readable()).isFalse();
        assertThat(none.renditions()).isEmpty();
        assertThat(none).isEqualTo(new MediaFacts(null, null, null, null, null, null, null, null, "why"));
    }
}

package io.flightdeck.assets.storage;

import static io.flightdeck.assets.storage.BlobSamples.OTHER;
import static io.flightdeck.assets.storage.BlobSamples.PNG;
import static io.flightdeck.assets.storage.BlobSamples.WORKSPACE;
import static io.flightdeck.assets.storage.BlobSamples.links;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.stream.Stream;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTests {

    @TempDir
    Path root;

    @Test
    void storesUnderTheWorkspaceAndHashWithTheMeasuredSizeHashAndType() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root, links());

        StoredBlob stored = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        assertThat(stored.sha256()).isEqualTo(sha);
        assertThat(stored.key()).isEqualTo(WORKSPACE + "/" + sha.substring(0, 2) + "/" + sha);
        assertThat(stored.size()).isEqualTo(PNG.length);
        assertThat(stored.mimeType()).isEqualTo("image/png");
        assertThat(stored.alreadyStored()).isFalse();
        assertThat(Files.readAllBytes(root.resolve(stored.key()))).isEqualTo(PNG);
        assertThat(TenantScope.call(WORKSPACE, () -> read(store, stored.key()))).isEqualTo(PNG);
        assertThat(store.exists(WORKSPACE, sha)).isTrue();
        assertThat(store.exists(OTHER, sha)).isFalse();
    }

    @Test
    void theSameBytesTwiceAreStoredOnce() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root, links());

        StoredBlob first = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);
        StoredBlob second = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);

        assertThat(second.key()).isEqualTo(first.key());
        assertThat(second.alreadyStored()).isTrue();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void anExecutableNamedLikeAPictureIsTypedByItsContent() throws Exception {
        byte[] elf = new byte[256];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 0, elf, 0, 7);

        StoredBlob stored = new LocalBlobStore(root, links()).put(WORKSPACE, new ByteArrayInputStream(elf), 1_000);

        assertThat(stored.mimeType()).isNotEqualTo("image/png").isIn("application/x-executable", "application/x-elf",
                "application/x-sharedlib");
        assertThat(new LocalBlobStore(root, links()).put(WORKSPACE,
                new ByteArrayInputStream("plain words".getBytes(StandardCharsets.UTF_8)), 1_000).mimeType())
                .isEqualTo("text/plain");
    }

    @Test
    void isoMediaIsMp4ByItsMajorBrandAndQuickTimeStaysQuickTime() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root, links());
        // the file type box as ffmpeg, phones and JCodec write it (major brand isom), then QuickTime's own (qt)
        byte[] isom = HexFormat.of().parseHex("0000002066747970" + "69736f6d" + "00000200"
                + "69736f6d69736f3261766331" + "6d703431" + "00000008" + "77696465");
        byte[] quickTime = HexFormat.of().parseHex("0000001466747970" + "71742020" + "00000200" + "71742020"
                + "00000008" + "77696465");
        assertThat(store.put(WORKSPACE, new ByteArrayInputStream(isom), 1_000).mimeType()).isEqualTo("video/mp4");
        assertThat(store.put(WORKSPACE, new ByteArrayInputStream(quickTime), 1_000).mimeType())
                .isEqualTo("video/quicktime");
    }

    @Test
    void contentOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root, links());

        assertThatThrownBy(() -> store.put(WORKSPACE, new ByteArrayInputStream(new byte[2_049]), 2_048))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("2048 bytes");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(store.put(WORKSPACE, new ByteArrayInputStream(new byte[2_048]), 2_048).size()).isEqualTo(2_048);
    }

    @Test
    void aKeyIsReadOnlyInsideItsWorkspaceAndNeverOutsideTheRoot() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root, links());
        StoredBlob stored = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);

        assertThatThrownBy(() -> TenantScope.call(OTHER, () -> read(store, stored.key())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> read(store, stored.key())).as("outside any workspace").isInstanceOf(NotFoundException.class);
        for (String forged : new String[] {WORKSPACE + "/../../etc/passwd", WORKSPACE + "/ab/short", "", null}) {
            assertThatThrownBy(() -> TenantScope.call(WORKSPACE, () -> read(store, forged)))
                    .as("%s", forged).isInstanceOf(NotFoundException.class);
        }
        TenantScope.run(OTHER, () -> {
            try {
                store.delete(stored.key());
            } catch (NotFoundException expected) {
                return;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new AssertionError("another workspace deleted the blob");
        });
        assertThat(Files.exists(root.resolve(stored.key()))).isTrue();
        assertThat(store.exists(WORKSPACE, "not-a-hash")).isFalse();
    }

    @Test
    void rangesAreSlicesOfTheContent() throws Exception {
        BlobStoreChecks.rangesAreSlicesOfTheContent(new LocalBlobStore(root, links()));
    }

    @Test
    void rangesSizesAndLinksStayInsideTheWorkspace() throws Exception {
        BlobStoreChecks.rangesSizesAndLinksStayInsideTheWorkspace(new LocalBlobStore(root, links()));
    }

    @Test
    void signedUrlsLiveMinutesNotDays() throws Exception {
        BlobStoreChecks.signedUrlsLiveMinutesNotDays(new LocalBlobStore(root, links()));
    }

    /** The local store's link points at Flightdeck's own {@code /files/}, with a token that carries the download. */
    @Test
    void aSignedUrlIsAFilesLinkWhoseTokenNamesTheWorkspaceKeyExpiryTypeAndName() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2027-03-01T10:15:30.250Z"), ZoneOffset.UTC);
        FileLinks links = links(clock);
        LocalBlobStore store = new LocalBlobStore(root, links);
        StoredBlob stored = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);

        URI url = TenantScope.call(WORKSPACE, () -> store.signedUrl(stored.key(), "Logo – final.png", "image/png",
                Duration.ofMinutes(10)));

        assertThat(url.toString()).startsWith("http://flightdeck.test/files/").doesNotContain("?");
        FileLinks.Link link = links.verify(url.getPath().substring("/files/".length()));
        assertThat(link).isEqualTo(new FileLinks.Link(WORKSPACE, stored.key(), Instant.parse("2027-03-01T10:25:30Z"),
                "image/png", "Logo – final.png"));
    }

    private static byte[] read(LocalBlobStore store, String key) {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

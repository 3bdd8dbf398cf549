package io.flightdeck.assets.storage;

import static io.flightdeck.assets.storage.BlobSamples.OTHER;
import static io.flightdeck.assets.storage.BlobSamples.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;

/** Ranged reads and their tenancy, which the local and the S3 store must answer alike: one set of checks for both. */
final class BlobStoreChecks {

    /** 1000 bytes that differ from their neighbours, so a slice shifted by one byte is caught. */
    static final byte[] CONTENT = new byte[1_000];

    static {
        for (int i = 0; i < CONTENT.length; i++) {
            CONTENT[i] = (byte) (i * 31 % 251);
        }
    }

    private BlobStoreChecks() {
    }

    static void rangesAreSlicesOfTheContent(BlobStore store) throws IOException {
        String key = store.put(WORKSPACE, new ByteArrayInputStream(CONTENT), 10_000).key();

        TenantScope.run(WORKSPACE, () -> {
            assertThat(size(store, key)).isEqualTo(1_000);
            assertThat(range(store, key, 0, 10)).isEqualTo(slice(0, 10));
            assertThat(range(store, key, 500, 1)).isEqualTo(slice(500, 501));
            assertThat(range(store, key, 123, 456)).isEqualTo(slice(123, 579));
            assertThat(range(store, key, 0, 1_000)).isEqualTo(CONTENT);
            assertThat(range(store, key, 990, 100)).as("ends early at the end").isEqualTo(slice(990, 1_000));
            assertThat(range(store, key, 1, Long.MAX_VALUE)).as("to the end, whatever the length").isEqualTo(slice(1, 1_000));
            assertThat(range(store, key, 500, 0)).isEmpty();
            assertThat(range(store, key, 1_000, 5)).as("from the end").isEmpty();
            assertThat(range(store, key, 5_000, 5)).as("from past the end").isEmpty();
        });
        assertThatThrownBy(() -> TenantScope.run(WORKSPACE, () -> range(store, key, -1, 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Another workspace's key, no workspace, a forged key, a missing one: not found, for every new read and for signing. */
    static void rangesSizesAndLinksStayInsideTheWorkspace(BlobStore store) throws IOException {
        StoredBlob stored = store.put(WORKSPACE, new ByteArrayInputStream(CONTENT), 10_000);
        String key = stored.key();
        Duration ttl = Duration.ofMinutes(5);

        assertThatThrownBy(() -> TenantScope.run(OTHER, () -> size(store, key))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> TenantScope.run(OTHER, () -> range(store, key, 0, 10))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> TenantScope.run(OTHER, () -> store.signedUrl(key, "a.bin", "image/png", ttl)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> size(store, key)).as("outside any workspace").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> range(store, key, 0, 10)).as("outside any workspace").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.signedUrl(key, "a.bin", "image/png", ttl)).as("outside any workspace")
                .isInstanceOf(NotFoundException.class);
        for (String forged : new String[] {WORKSPACE + "/../../etc/passwd", WORKSPACE + "/ab/short", key + "/..", "", null}) {
            assertThatThrownBy(() -> TenantScope.run(WORKSPACE, () -> size(store, forged))).as("%s", forged)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> TenantScope.run(WORKSPACE, () -> range(store, forged, 0, 10))).as("%s", forged)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> TenantScope.run(WORKSPACE, () -> store.signedUrl(forged, "a.bin", "image/png", ttl)))
                    .as("%s", forged).isInstanceOf(NotFoundException.class);
        }
        String missing = BlobStore.key(WORKSPACE, "0".repeat(64));
        assertThatThrownBy(() -> TenantScope.run(WORKSPACE, () -> size(store, missing))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> TenantScope.run(WORKSPACE, () -> range(store, missing, 0, 10)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> TenantScope.run(WORKSPACE, () -> range(store, missing, 0, 0)))
                .as("even for no bytes").isInstanceOf(NotFoundException.class);
    }

    /** Signed URLs live from a second to an hour, whatever the store. */
    static void signedUrlsLiveMinutesNotDays(BlobStore store) throws IOException {
        String key = store.put(WORKSPACE, new ByteArrayInputStream(CONTENT), 10_000).key();

        for (Duration ttl : new Duration[] {Duration.ofHours(2), Duration.ofDays(7), Duration.ZERO, Duration.ofSeconds(-5), null}) {
            assertThatThrownBy(() -> TenantScope.run(WORKSPACE, () -> store.signedUrl(key, "a.bin", "image/png", ttl)))
                    .as("%s", ttl).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60 minutes");
        }
        assertThat(TenantScope.call(WORKSPACE, () -> store.signedUrl(key, "a.bin", "image/png", BlobStore.MAX_SIGNED_URL_TTL)))
                .isNotNull();
    }

    static byte[] slice(int from, int to) {
        return Arrays.copyOfRange(CONTENT, from, to);
    }

    static long size(BlobStore store, String key) {
        try {
            return store.size(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] range(BlobStore store, String key, long offset, long length) {
        try (InputStream in = store.openRange(key, offset, length)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

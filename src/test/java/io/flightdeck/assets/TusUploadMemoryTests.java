package io.flightdeck.assets;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.flightdeck.assets.TusUploadApiTests.metadata;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory does not grow with a resumable upload: the application in its own JVM with a 160 MiB heap (which dies on the
 * first OutOfMemoryError) takes a 256 MiB file in two PATCHes, one of them chunked without a length, and registers it
 * with the right hash. Had any step held the file in memory (the append, the completion, the blob store), the JVM
 * would be gone: the whole file does not fit in the heap. (The file was 512 MiB; half proves the same in half the
 * time.)
 */
class TusUploadMemoryTests {

    private static final long SIZE = 256L * 1024 * 1024;
    private static final long FIRST = 100L * 1024 * 1024 + 7;

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aFileMuchLargerThanTheHeapStreamsThroughAResumableUpload() throws Exception {
        try (ForkedApp app = ForkedApp.start(List.of("-Xmx160m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"), data.resolve("db"),
                "flightdeck.data-dir=" + data)) {
            HttpResponse<String> signedUp = app.send("POST", "/api/v1/auth/signup", null, """
                    {"workspaceName":"Tus memory","displayName":"Owner","email":"%s","password":"%s","timeZone":"UTC"}"""
                    .formatted(TestWorkspaces.uniqueEmail("memory"), TestWorkspaces.PASSWORD));
            assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(201);
            String token = field(signedUp.body(), "accessToken");

            HttpResponse<Void> created = http.send(tus(app, token, "/api/v1/uploads")
                    .header("Upload-Length", Long.toString(SIZE))
                    .header("Upload-Metadata", metadata("filename", "big.bin"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(created.statusCode()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();

            HttpResponse<Void> first = patch(app, token, location, 0, HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> generated(0, FIRST)), FIRST));
            assertThat(first.statusCode()).isEqualTo(204);
            HttpResponse<Void> last = patch(app, token, location, FIRST,
                    HttpRequest.BodyPublishers.ofInputStream(() -> generated(FIRST, SIZE))); // chunked: no length
            assertThat(last.statusCode()).isEqualTo(204);
            assertThat(app.isAlive()).isTrue();

            String assetId = last.headers().firstValue("Flightdeck-Asset-Id").orElseThrow();
            HttpResponse<String> asset = app.send("GET", "/api/v1/campaign-assets/" + assetId, token, null);
            assertThat(field(asset.body(), "sha256")).isEqualTo(sha256(generated(0, SIZE)));
            assertThat(asset.body()).contains("\"sizeBytes\":" + SIZE);
        }
    }

    private HttpResponse<Void> patch(ForkedApp app, String token, String location, long offset,
            HttpRequest.BodyPublisher body) throws Exception {
        return http.send(tus(app, token, location).header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream").method("PATCH", body).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static HttpRequest.Builder tus(ForkedApp app, String token, String path) {
        return HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0");
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(1);
    }

    /** Bytes {@code from} to {@code to} of a reproducible stream that is never held in memory. */
    private static InputStream generated(long from, long to) {
        return new InputStream() {
            private long position = from;

            @Override
            public int read() {
                return position < to ? value(position++) : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= to) {
                    return -1;
                }
                int count = (int) Math.min(length, to - position);
                for (int i = 0; i < count; i++) {
                    buffer[offset + i] = (byte) value(position++);
                }
                return count;
            }

            private int value(long at) {
                return (int) ((at * 31 + at / 4093) % 251);
            }
        };
    }

    private static String sha256(InputStream content) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream in = new DigestInputStream(content, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

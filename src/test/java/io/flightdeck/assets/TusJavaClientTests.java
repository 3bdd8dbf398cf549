package io.flightdeck.assets;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.tus.java.client.ProtocolException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusExecutor;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.flightdeck.assets.TusUploadApiTests.randomBytes;
import static io.flightdeck.assets.TusUploadApiTests.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The upload server against the official tus client (io.tus.java.client), which nobody here wrote: its first attempt
 * goes through a proxy that drops the connection halfway through the file; a new client that knows only the file's
 * fingerprint (as after a restart) finds the upload, asks where the server's bytes end, and sends the rest. The stored
 * asset, downloaded again, is byte for byte the source file. It runs in the
 * shared context, which listens on a random port.
 */
@FlightdeckTest
class TusJavaClientTests {

    private static final int CHUNK = 64 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anUploadCutOffMidwayAndResumedByTheOfficialClientEndsByteIdentical() throws Exception {
        Member owner = workspaces.workspace("Tus Java client");
        byte[] source = randomBytes(26, 3 * 1024 * 1024 + 4099);
        Path file = Files.write(dir.resolve("cut-off.bin"), source);
        TusURLMemoryStore remembered = new TusURLMemoryStore();

        String assetId;
        try (CuttingProxy proxy = new CuttingProxy(port, source.length / 2)) {
            TusUploader first = client(owner, proxy.port(), remembered).createUpload(upload(file));
            URL location = first.getUploadURL();
            assertThatThrownBy(() -> sendAll(first)).isInstanceOf(IOException.class);
            assertThat(proxy.hasCut()).isTrue();

            // the server keeps what arrived before the cut, well short of the whole file. Read it once the broken
            // request has let go of the upload: an empty append at HEAD's offset is answered 204 only when no other
            // request holds the upload (else 423) and the offset is where its bytes end (else 409). Waiting for the
            // offset to stop growing was not enough on a loaded CI machine: the broken request, starved of CPU, went
            // on writing after two equal reads, and the resumed client met 409 on every attempt.
            long[] seen = {-1};
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                seen[0] = offset(owner, location);
                return seen[0] > 0 && emptyAppend(owner, location, seen[0]) == 204;
            });
            long kept = seen[0];
            assertThat(kept).isLessThan(source.length);

            // a new client (as after a restart) resumes through the same proxy, which lets everything through now;
            // its executor retries if the server answers 423 or 409 all the same
            TusClient again = client(owner, proxy.port(), remembered);
            long[] resumedAt = {-1};
            URL[] resumedUrl = {null};
            TusExecutor executor = new TusExecutor() {
                @Override
                protected void makeAttempt() throws ProtocolException, IOException {
                    TusUploader uploader = again.resumeOrCreateUpload(upload(file));
                    resumedAt[0] = uploader.getOffset();
                    resumedUrl[0] = uploader.getUploadURL();
                    try {
                        sendAll(uploader);
                    } catch (ProtocolException e) {
                        // 409: the broken request's last bytes landed between this HEAD and the PATCH (seen once on
                        // a loaded CI machine); the answer says to ask with HEAD again, which the next attempt does
                        if (e.getCausingConnection() != null && e.getCausingConnection().getResponseCode() == 409) {
                            throw new IOException("The upload's offset moved on; asking again", e);
                        }
                        throw e;
                    }
                }
            };
            executor.setDelays(new int[] {200, 500, 1000, 2000, 4000});
            assertThat(executor.makeAttempts()).isTrue();
            assertThat(resumedUrl[0]).as("the same upload, not a new one").isEqualTo(location);
            assertThat(resumedAt[0]).as("went on from the server's bytes, not from the start")
                    .isGreaterThanOrEqualTo(kept).isLessThan(source.length);
            assetId = asset(owner, location);
        }

        assertThat((String) Json.read(api.as(owner).get("/api/v1/campaign-assets/" + assetId), "$.file.sha256"))
                .isEqualTo(sha256(source));
        HttpResponse<byte[]> stored = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/campaign-assets/" + assetId + "/content"))
                .header("Authorization", owner.bearer()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(sha256(stored.body())).isEqualTo(sha256(source));
    }

    private static TusClient client(Member owner, int port, TusURLMemoryStore remembered) throws IOException {
        TusClient client = new TusClient();
        client.setUploadCreationURL(URI.create("http://localhost:" + port + "/api/v1/uploads").toURL());
        client.setHeaders(Map.of("Authorization", owner.bearer()));
        client.enableResuming(remembered);
        return client;
    }

    private static TusUpload upload(Path file) throws IOException {
        TusUpload upload = new TusUpload(file.toFile());
        upload.setMetadata(Map.of("filename", "cut-off.bin"));
        return upload;
    }

    private static void sendAll(TusUploader uploader) throws ProtocolException, IOException {
        uploader.setChunkSize(CHUNK);
        while (uploader.uploadChunk() > -1) {
            // each call sends one chunk of the request's body
        }
        uploader.finish();
    }

    /** The asset the complete upload made, as HEAD names it. */
    private String asset(Member owner, URL location) throws Exception {
        return head(owner, location).headers().firstValue("Flightdeck-Asset-Id").orElseThrow();
    }

    private long offset(Member owner, URL location) throws Exception {
        return Long.parseLong(head(owner, location).headers().firstValue("Upload-Offset").orElseThrow());
    }

    private int emptyAppend(Member owner, URL location, long offset) throws Exception {
        return http.send(tus(owner, location.getPath()).header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", Long.toString(offset)).method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<Void> head(Member owner, URL location) throws Exception {
        return http.send(tus(owner, location.getPath()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private HttpRequest.Builder tus(Member owner, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", owner.bearer()).header("Tus-Resumable", "1.0.0");
    }
}

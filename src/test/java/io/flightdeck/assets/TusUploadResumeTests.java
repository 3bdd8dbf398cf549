package io.flightdeck.assets;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.flightdeck.assets.TusUploadApiTests.metadata;
import static io.flightdeck.assets.TusUploadApiTests.randomBytes;
import static io.flightdeck.assets.TusUploadApiTests.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A resumable upload whose connections drop midway, against the application on a real port: MockMvc hands the
 * controller the whole body at once, so it cannot cut one off. A raw socket sends part of a PATCH that promised more
 * and closes (cleanly, then with a reset); HEAD tells where the durable bytes end, and the client goes on from there
 * the way a tus client does, until the asset holds the original bytes. It runs in the shared
 * context, which listens on a random port.
 */
@FlightdeckTest
class TusUploadResumeTests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    @Test
    void anUploadCutOffMidwayResumesAndEndsByteIdentical() throws Exception {
        Member owner = workspaces.workspace("Tus resume");
        byte[] file = randomBytes(21, 3 * 1024 * 1024 + 17);
        String location = create(owner, file.length);
        int third = file.length / 3;

        // the connection closes after a third of a PATCH that announced the whole file
        sendPartOfPatch(owner, location, 0, file, third, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> offset(head(owner, location)) == third);

        // it drops again (a reset this time) two thirds in: what arrived before the reset is kept, however much it is
        sendPartOfPatch(owner, location, third, file, 2 * third, true);
        long offset = resume(owner, location, file);

        assertThat(offset).isEqualTo(file.length);
        HttpResponse<Void> done = head(owner, location);
        String assetId = done.headers().firstValue("Flightdeck-Asset-Id").orElseThrow();
        assertThat(done.headers().firstValue("Flightdeck-Asset-Location")).hasValue("/api/v1/campaign-assets/" + assetId);
        String measured = Json.read(api.as(owner).get("/api/v1/campaign-assets/" + assetId), "$.file.sha256");
        assertThat(measured).isEqualTo(sha256(file));
    }

    private String create(Member owner, long length) throws Exception {
        HttpResponse<Void> created = http.send(request(owner, "/api/v1/uploads")
                .header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", metadata("filename", "interrupted.bin"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(created.statusCode()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    /**
     * Writes a PATCH from {@code from} whose Content-Length promises the rest of the file, sends its bytes up to
     * {@code until}, and closes the socket: with a FIN, or with a reset as a pulled cable or a killed client would.
     */
    private void sendPartOfPatch(Member owner, String location, int from, byte[] file, int until, boolean reset)
            throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + location + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: "
                    + owner.bearer() + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + from
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + (file.length - from)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(file, from, until - from);
            out.flush();
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }

    /**
     * What a tus client does after a failure: ask where the upload stands and send the rest from there, again while
     * the server has not finished with the broken request yet (423) or had moved on meanwhile (409).
     */
    private long resume(Member owner, String location, byte[] file) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            long offset = offset(head(owner, location));
            HttpResponse<Void> appended = http.send(request(owner, location)
                    .header("Upload-Offset", Long.toString(offset))
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(file, (int) offset, file.length)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (appended.statusCode() == 204) {
                return Long.parseLong(appended.headers().firstValue("Upload-Offset").orElseThrow());
            }
            assertThat(appended.statusCode()).as("a retryable answer").isIn(409, 423);
            Thread.sleep(200);
        }
        throw new AssertionError("The upload did not resume within 30 s");
    }

    private HttpResponse<Void> head(Member owner, String location) throws Exception {
        HttpResponse<Void> head = http.send(request(owner, location).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
        return head;
    }

    private static long offset(HttpResponse<Void> head) {
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    private HttpRequest.Builder request(Member owner, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", owner.bearer()).header("Tus-Resumable", "1.0.0");
    }
}

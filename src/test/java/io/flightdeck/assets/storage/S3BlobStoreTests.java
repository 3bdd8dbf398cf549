package io.flightdeck.assets.storage;

import static io.flightdeck.assets.storage.BlobSamples.OTHER;
import static io.flightdeck.assets.storage.BlobSamples.PNG;
import static io.flightdeck.assets.storage.BlobSamples.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 store against S3Mock in its own JVM: the same behaviour as {@link LocalBlobStoreTests}, through the S3 API. */
class S3BlobStoreTests {

    @TempDir
    static Path mockRoot;
    private static S3MockProcess mock;
    private static S3Client s3;
    private static S3Presigner presigner;

    @TempDir
    Path spool;
    private String bucket;

    @BeforeAll
    static void startS3Mock() throws Exception {
        mock = S3MockProcess.start(mockRoot);
        // the way an R2 or MinIO installation is configured: an endpoint, path-style access, a key pair
        s3 = S3BlobStoreConfiguration.client(mock.endpoint().toString(), "us-east-1", true, "test-key", "test-secret");
        presigner = S3BlobStoreConfiguration.presigner(mock.endpoint().toString(), "us-east-1", true, "test-key",
                "test-secret");
    }

    @AfterAll
    static void stopS3Mock() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (presigner != null) {
            presigner.close();
        }
        if (mock != null) {
            mock.close();
        }
    }

    @BeforeEach
    void createBucket() {
        bucket = "flightdeck-" + UUID.randomUUID();
        s3.createBucket(request -> request.bucket(bucket));
    }

    @Test
    void storesUnderTheWorkspaceAndHashWithTheMeasuredSizeHashAndType() throws Exception {
        S3BlobStore store = store();

        StoredBlob stored = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        assertThat(stored.sha256()).isEqualTo(sha);
        assertThat(stored.key()).isEqualTo(WORKSPACE + "/" + sha.substring(0, 2) + "/" + sha);
        assertThat(stored.size()).isEqualTo(PNG.length);
        assertThat(stored.mimeType()).isEqualTo("image/png");
        assertThat(stored.alreadyStored()).isFalse();
        assertThat(s3.getObjectAsBytes(request -> request.bucket(bucket).key(stored.key())).asByteArray()).isEqualTo(PNG);
        assertThat(s3.headObject(request -> request.bucket(bucket).key(stored.key())).contentType()).isEqualTo("image/png");
        assertThat(TenantScope.call(WORKSPACE, () -> read(store, stored.key()))).isEqualTo(PNG);
        assertThat(store.exists(WORKSPACE, sha)).isTrue();
        assertThat(store.exists(OTHER, sha)).isFalse();
        assertThat(spoolFiles()).as("the spool file is gone once uploaded").isEmpty();
    }

    @Test
    void theSameBytesTwiceAreStoredOnce() throws Exception {
        S3BlobStore store = store();

        StoredBlob first = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);
        StoredBlob second = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);
        StoredBlob elsewhere = store.put(OTHER, new ByteArrayInputStream(PNG), 1_000);

        assertThat(second.key()).isEqualTo(first.key());
        assertThat(second.alreadyStored()).isTrue();
        assertThat(elsewhere.alreadyStored()).as("another workspace stores its own copy").isFalse();
        assertThat(objectKeys()).containsExactlyInAnyOrder(first.key(), elsewhere.key());
    }

    @Test
    void anExecutableNamedLikeAPictureIsTypedByItsContent() throws Exception {
        byte[] elf = new byte[256];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 0, elf, 0, 7);

        StoredBlob stored = store().put(WORKSPACE, new ByteArrayInputStream(elf), 1_000);

        assertThat(stored.mimeType()).isNotEqualTo("image/png").isIn("application/x-executable", "application/x-elf",
                "application/x-sharedlib");
        assertThat(store().put(WORKSPACE, new ByteArrayInputStream("plain words".getBytes(StandardCharsets.UTF_8)), 1_000)
                .mimeType()).isEqualTo("text/plain");
    }

    @Test
    void contentOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        S3BlobStore store = store();

        assertThatThrownBy(() -> store.put(WORKSPACE, new ByteArrayInputStream(new byte[2_049]), 2_048))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("2048 bytes");
        assertThat(objectKeys()).as("nothing in the bucket").isEmpty();
        assertThat(spoolFiles()).as("nothing in the spool").isEmpty();
        assertThat(store.put(WORKSPACE, new ByteArrayInputStream(new byte[2_048]), 2_048).size()).isEqualTo(2_048);
        assertThat(objectKeys()).hasSize(1);
    }

    @Test
    void aKeyIsReadOnlyInsideItsWorkspace() throws Exception {
        S3BlobStore store = store();
        StoredBlob stored = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);

        assertThatThrownBy(() -> TenantScope.call(OTHER, () -> read(store, stored.key())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> read(store, stored.key())).as("outside any workspace").isInstanceOf(NotFoundException.class);
        for (String forged : new String[] {WORKSPACE + "/../../etc/passwd", WORKSPACE + "/ab/short", "", null}) {
            assertThatThrownBy(() -> TenantScope.call(WORKSPACE, () -> read(store, forged)))
                    .as("%s", forged).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> TenantScope.run(OTHER, () -> delete(store, stored.key()))).as("another workspace deletes").isInstanceOf(NotFoundException.class);
        assertThat(objectKeys()).containsExactly(stored.key());
        assertThat(store.exists(WORKSPACE, "not-a-hash")).isFalse();
    }

    @Test
    void aMissingKeyIsNotFoundAndDeletingRemovesTheObject() throws Exception {
        S3BlobStore store = store();
        StoredBlob stored = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);

        TenantScope.run(WORKSPACE, () -> {
            delete(store, stored.key());
            delete(store, stored.key());
        });

        assertThat(objectKeys()).isEmpty();
        assertThat(store.exists(WORKSPACE, stored.sha256())).isFalse();
        assertThatThrownBy(() -> TenantScope.call(WORKSPACE, () -> read(store, stored.key())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void rangesAreSlicesOfTheContent() throws Exception {
        BlobStoreChecks.rangesAreSlicesOfTheContent(store());
    }

    @Test
    void rangesSizesAndLinksStayInsideTheWorkspace() throws Exception {
        BlobStoreChecks.rangesSizesAndLinksStayInsideTheWorkspace(store());
    }

    @Test
    void signedUrlsLiveMinutesNotDays() throws Exception {
        BlobStoreChecks.signedUrlsLiveMinutesNotDays(store());
    }

    /**
     * A signed URL is S3's presigned GET of the object, for the TTL asked, answering with the type and file name
     * given. S3Mock does not check signatures or expiry (a real S3, R2 or MinIO does), so this shows the URL's shape
     * and that it reaches the object, not that S3 would refuse a tampered or expired one.
     */
    @Test
    void aSignedUrlIsAPresignedGetOfTheObject() throws Exception {
        S3BlobStore store = store();
        StoredBlob stored = store.put(WORKSPACE, new ByteArrayInputStream(PNG), 1_000);

        URI url = TenantScope.call(WORKSPACE, () -> store.signedUrl(stored.key(), "Logo \"final\"\r\n.png", "image/png",
                Duration.ofMinutes(7)));

        assertThat(url.toString()).startsWith(mock.endpoint() + "/" + bucket + "/" + stored.key() + "?");
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("X-Amz-Expires", "420").containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("response-content-type", "image/png")
                .containsEntry("response-content-disposition",
                        "inline; filename=\"Logo _final___.png\"; filename*=UTF-8''Logo%20%22final%22__.png");
        assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
        assertThat(query.get("X-Amz-Credential")).startsWith("test-key/");

        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PNG);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(query.get("response-content-disposition"));
    }

    /** Memory does not grow with the content, up or down: a 48 MiB heap stores and reads back 160 MiB. */
    @Test
    void contentMuchLargerThanTheHeapStreamsUpAndDown() throws Exception {
        long size = 160L * 1024 * 1024;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                S3StreamingProbe.class.getName(), mock.endpoint().toString(), bucket, spool.toString(), Long.toString(size),
                WORKSPACE.toString())).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(3, TimeUnit.MINUTES)).as("the probe finished").isTrue();
        assertThat(probe.exitValue()).as("the probe's output:%n%s", output).isZero();

        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(StreamingProbe.generated(size), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String expected = HexFormat.of().formatHex(digest.digest());
        assertThat(output).contains("stored " + size + " " + expected).contains("read " + size + " " + expected);
        assertThat(s3.headObject(request -> request.bucket(bucket).key(WORKSPACE + "/" + expected.substring(0, 2) + "/"
                + expected)).contentLength()).isEqualTo(size);
        assertThat(spoolFiles()).isEmpty();
    }

    private S3BlobStore store() throws IOException {
        return new S3BlobStore(s3, presigner, bucket, spool);
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private List<String> objectKeys() {
        return s3.listObjectsV2(request -> request.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void delete(S3BlobStore store, String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(S3BlobStore store, String key) {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

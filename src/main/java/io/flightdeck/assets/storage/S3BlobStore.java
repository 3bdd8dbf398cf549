package io.flightdeck.assets.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.flightdeck.assets.BlobStore;
import io.flightdeck.assets.StoredBlob;
import io.flightdeck.shared.NotFoundException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The store on an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO), one object per key. S3 wants the length of an
 * object before its bytes, and the key is the content's hash, known only at the end: so content streams through the
 * intake into a local spool file first (memory stays flat), then goes up in one PUT of known length to its final key,
 * unless a HEAD finds the workspace already has it. Nothing reaches the bucket before it is measured, so a refused
 * upload leaves nothing there, and a key's object is always complete.
 * <p>
 * Two concurrent uploads of the same new bytes may both PUT; they write identical bytes to the same key, so the result
 * is still one object.
 */
class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;
    private final Path spool;

    S3BlobStore(S3Client s3, String bucket, Path spool) throws IOException {
        this.s3 = s3;
        this.bucket = bucket;
        this.spool = Files.createDirectories(spool.toAbsolutePath().normalize());
    }

    @Override
    public StoredBlob put(UUID workspaceId, InputStream content, long maxBytes) throws IOException {
        try (BlobIntake.Spooled spooled = BlobIntake.spool(content, spool, maxBytes)) {
            BlobIntake.Measured measured = spooled.measured();
            String key = BlobStore.key(workspaceId, measured.sha256());
            boolean alreadyStored = objectExists(key);
            if (!alreadyStored) {
                try {
                    s3.putObject(request -> request.bucket(bucket).key(key).contentType(measured.mimeType())
                            .contentLength(measured.size()), RequestBody.fromFile(spooled.file()));
                } catch (SdkException e) {
                    throw new IOException("Could not store " + key + " in bucket " + bucket, e);
                }
            }
            return new StoredBlob(key, measured.sha256(), measured.size(), measured.mimeType(), alreadyStored);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        String own = BlobStore.requireOwnKey(key);
        try {
            return s3.getObject(request -> request.bucket(bucket).key(own));
        } catch (NoSuchKeyException e) {
            throw new NotFoundException("Blob");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NotFoundException("Blob");
            }
            throw new IOException("Could not read " + own + " from bucket " + bucket, e);
        } catch (SdkException e) {
            throw new IOException("Could not read " + own + " from bucket " + bucket, e);
        }
    }

    @Override
    public boolean exists(UUID workspaceId, String sha256) {
        if (workspaceId == null || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return false;
        }
        try {
            return objectExists(BlobStore.key(workspaceId, sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        String own = BlobStore.requireOwnKey(key);
        try {
            // deleting a missing object succeeds in S3, as deleteIfExists does locally
            s3.deleteObject(request -> request.bucket(bucket).key(own));
        } catch (SdkException e) {
            throw new IOException("Could not delete " + own + " from bucket " + bucket, e);
        }
    }

    private boolean objectExists(String key) throws IOException {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // a HEAD answer has no body, so a missing object is often only a bare 404
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("Could not look up " + key + " in bucket " + bucket, e);
        } catch (SdkException e) {
            throw new IOException("Could not look up " + key + " in bucket " + bucket, e);
        }
    }
}

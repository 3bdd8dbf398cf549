package io.flightdeck.assets.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The store on an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO), one object per key. S3 wants the length of an
 * object before its bytes, and the key is the content's hash, known only at the end: so content streams through the
 * intake into a local spool file first (memory stays flat), then goes up in one PUT of known length to its final key,
 * unless a HEAD finds the workspace already has it. Nothing reaches the bucket before it is measured, so a refused
 * upload leaves nothing there, and a key's object is always complete.
 * <p>
 * Two concurrent uploads of the same new bytes may both PUT; they write identical bytes to the same key, so the result
 * is still one object. Signed URLs are S3's own presigned GETs: the download goes straight from the bucket.
 */
class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Path spool;

    S3BlobStore(S3Client s3, S3Presigner presigner, String bucket, Path spool) throws IOException {
        this.s3 = s3;
        this.presigner = presigner;
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
        } catch (SdkException e) {
            throw readFailure(own, e);
        }
    }

    @Override
    public InputStream openRange(String key, long offset, long length) throws IOException {
        String own = BlobStore.requireOwnKey(key);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("No bytes at offset " + offset + ", length " + length);
        }
        if (length == 0) {
            // HTTP has no empty range; the HEAD still answers whether there is anything at the key
            size(own);
            return InputStream.nullInputStream();
        }
        // an open-ended range where offset + length would overflow: "to the end" is what that means anyway
        String range = "bytes=" + offset + "-" + (length > Long.MAX_VALUE - offset ? "" : offset + length - 1);
        try {
            return s3.getObject(request -> request.bucket(bucket).key(own).range(range));
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return InputStream.nullInputStream(); // from at or past the end: nothing, like a file read there
            }
            throw readFailure(own, e);
        } catch (SdkException e) {
            throw readFailure(own, e);
        }
    }

    @Override
    public long size(String key) throws IOException {
        String own = BlobStore.requireOwnKey(key);
        try {
            return s3.headObject(request -> request.bucket(bucket).key(own)).contentLength();
        } catch (SdkException e) {
            throw readFailure(own, e);
        }
    }

    /**
     * A presigned GET: S3 checks the signature and the expiry itself, and answers with the type and disposition
     * signed into the URL ({@code response-content-type}, {@code response-content-disposition}) rather than the
     * object's own.
     */
    @Override
    public URI signedUrl(String key, String downloadName, String mimeType, Duration ttl) {
        String own = BlobStore.requireOwnKey(key);
        Duration lifetime = BlobStore.requireSignedUrlTtl(ttl);
        try {
            return presigner.presignGetObject(presign -> presign.signatureDuration(lifetime)
                    .getObjectRequest(get -> get.bucket(bucket).key(own)
                            .responseContentType(DownloadHeaders.contentType(mimeType))
                            .responseContentDisposition(DownloadHeaders.contentDisposition(mimeType, downloadName, false))))
                    .url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The presigner made a URL that is not a URI", e);
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

    @Override
    public void check() throws IOException {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException("Bucket " + bucket + " does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "S3 bucket " + bucket;
    }

    private boolean objectExists(String key) throws IOException {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (SdkException e) {
            if (missing(e)) {
                return false;
            }
            throw new IOException("Could not look up " + key + " in bucket " + bucket, e);
        }
    }

    /** Throws not found for a missing object; any other failure comes back as an I/O error for the caller to throw. */
    private IOException readFailure(String key, SdkException e) {
        if (missing(e)) {
            throw new NotFoundException("Blob");
        }
        return new IOException("Could not read " + key + " from bucket " + bucket, e);
    }

    /** A HEAD answer has no body, so a missing object is often only a bare 404, not a NoSuchKey error. */
    private static boolean missing(SdkException e) {
        return e instanceof NoSuchKeyException || e instanceof S3Exception s3 && s3.statusCode() == 404;
    }
}

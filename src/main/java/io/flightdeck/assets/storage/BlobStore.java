package io.flightdeck.assets.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;

/**
 * Where uploaded bytes live, content-addressed per workspace: the same bytes uploaded twice in a workspace are stored
 * once. The local filesystem under {@code ./data/blobs} is the default; S3-compatible storage comes by configuration.
 * <p>
 * A key names its workspace, and a store reads, signs or deletes a key only inside that workspace's tenant scope: a
 * key guessed or copied from another workspace is not found.
 */
public interface BlobStore {

    /** {@code {workspace}/{2 hex}/{64 hex}}: nothing else is a key, so a key can never leave the store's root. */
    Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{2}/[0-9a-f]{64}");

    /** The longest a signed URL may live. Anyone holding one reads the file, so it lives minutes, never days. */
    Duration MAX_SIGNED_URL_TTL = Duration.ofHours(1);

    /**
     * Streams the content into the store, computing its SHA-256, size and MIME type on the way; memory does not grow
     * with the content's size. Content over {@code maxBytes} is refused ({@link io.flightdeck.shared.PayloadTooLargeException})
     * and leaves nothing behind.
     */
    StoredBlob put(UUID workspaceId, InputStream content, long maxBytes) throws IOException;

    /** The stored bytes; the caller closes the stream. Not found outside the key's workspace. */
    InputStream open(String key) throws IOException;

    /**
     * Up to {@code length} stored bytes from {@code offset} (byte 0 is the first); the stream ends early at the end of
     * the content, and is empty from an offset at or past it. The caller closes the stream. Not found outside the
     * key's workspace.
     */
    InputStream openRange(String key, long offset, long length) throws IOException;

    /** The content's length in bytes. Not found outside the key's workspace. */
    long size(String key) throws IOException;

    /** Whether the workspace already holds content with this hash (a client can ask before it sends the bytes). */
    boolean exists(UUID workspaceId, String sha256);

    /**
     * Whether the store can take content now, for its health component: throws what stops it (a folder that cannot
     * be written, a bucket that does not answer or refuses the credentials). Cheap: no content moves.
     */
    void check() throws IOException;

    /** Where content goes, for people: a folder or a bucket's name (never a credential). */
    String describe();

    /** Removes the bytes; the caller makes sure no asset still refers to them. */
    void delete(String key) throws IOException;

    /**
     * An absolute URL that downloads the content, without a session or token, until {@code ttl} has passed: a bearer
     * capability for sharing, and for renderers and social channels that fetch media. The answer carries the
     * download name and the MIME type given here, inline where a browser can show the type safely. Not found outside
     * the key's workspace; a TTL over {@link #MAX_SIGNED_URL_TTL} is refused. Whether the content exists is found
     * out when the URL is used.
     */
    URI signedUrl(String key, String downloadName, String mimeType, Duration ttl);

    static String key(UUID workspaceId, String sha256) {
        return workspaceId + "/" + sha256.substring(0, 2) + "/" + sha256;
    }

    /** The key, checked for shape and for belonging to the current workspace; else not found. */
    static String requireOwnKey(String key) {
        if (key == null || !KEY.matcher(key).matches() || !key.startsWith(TenantScope.current() + "/")) {
            throw new NotFoundException("Blob");
        }
        return key;
    }

    /** The TTL, checked to be between a second and {@link #MAX_SIGNED_URL_TTL}. */
    static Duration requireSignedUrlTtl(Duration ttl) {
        if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_SIGNED_URL_TTL) > 0) {
            throw new IllegalArgumentException("A signed URL lives from 1 second to " + MAX_SIGNED_URL_TTL.toMinutes()
                    + " minutes, not " + ttl);
        }
        return ttl;
    }
}

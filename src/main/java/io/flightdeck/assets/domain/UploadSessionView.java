package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A resumable upload as its client sees it.
 *
 * @param offset    the bytes that have durably arrived; the client sends from here
 * @param metadata  the decoded {@code Upload-Metadata} it was created with
 * @param complete  the last byte arrived and the file went through the library: {@code assetId} is what it made (the
 *                  existing asset when the workspace already had these bytes), or null if that asset has since been
 *                  deleted for good
 */
public record UploadSessionView(UUID id, long length, long offset, Map<String, String> metadata, Instant expiresAt,
        boolean complete, UUID assetId) {
}

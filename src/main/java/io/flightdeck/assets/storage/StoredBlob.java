package io.flightdeck.assets.storage;

/**
 * Bytes in the blob store, as the intake measured them while they streamed in.
 *
 * @param key            where they live: {@code {workspace}/{first two hex digits of the hash}/{sha256}}
 * @param sha256         the content's SHA-256, lower-case hex
 * @param size           the content's length in bytes
 * @param mimeType       the type detected from the content itself (never from the client or the file name)
 * @param alreadyStored  the workspace had these exact bytes before, so nothing new was written
 */
public record StoredBlob(String key, String sha256, long size, String mimeType, boolean alreadyStored) {
}

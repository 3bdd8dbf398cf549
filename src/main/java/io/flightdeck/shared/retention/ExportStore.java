package io.flightdeck.shared.retention;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where exports written before a purge are kept until an admin downloads them: the assets module's blob store (local
 * folder or S3), in the current workspace. A key is only read or deleted inside the workspace that stored it.
 */
public interface ExportStore {

    /** Streams the bytes into the store; answers their key. */
    String put(InputStream content) throws IOException;

    /** The stored bytes; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** Removes the bytes (the caller makes sure nothing else refers to the key). */
    void delete(String key) throws IOException;
}

package io.flightdeck.assets.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;


/**
 * Run in a JVM whose heap is much smaller than the content ({@link LocalBlobStoreMemoryTests}): streams generated
 * bytes into a local store and prints the key, size and hash. Running out of heap would fail the run.
 */
public final class StreamingProbe {

    private StreamingProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        StoredBlob stored = new LocalBlobStore(root, BlobSamples.links()).put(UUID.fromString(args[2]), generated(size), Long.MAX_VALUE);
        System.out.println("stored " + stored.size() + " " + stored.sha256() + " " + stored.key());
    }

    /** A reproducible stream of {@code size} bytes that is never held in memory. */
    static InputStream generated(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? (int) (position++ * 31 % 251) : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int count = (int) Math.min(length, size - position);
                for (int i = 0; i < count; i++) {
                    buffer[offset + i] = (byte) (position++ * 31 % 251);
                }
                return count;
            }
        };
    }
}

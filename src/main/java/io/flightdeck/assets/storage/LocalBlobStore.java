package io.flightdeck.assets.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default store: files under {@code flightdeck.assets.local-root} ({@code ./data/blobs}), one per key. Content
 * streams into a temporary file beside the blobs and is moved into place in one rename once it is measured, so a
 * key's file is either complete or absent, and two uploads of the same bytes end with one file. Signed URLs point at
 * Flightdeck itself ({@link FileLinks}), since a folder has no URL of its own.
 */
@Component
@ConditionalOnProperty(name = "flightdeck.assets.storage", havingValue = "local", matchIfMissing = true)
class LocalBlobStore implements BlobStore {

    private final Path root;
    private final Path incoming;
    private final FileLinks links;

    LocalBlobStore(@Value("${flightdeck.assets.local-root}") Path root, FileLinks links) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = Files.createDirectories(this.root.resolve(".incoming"));
        this.links = links;
    }

    @Override
    public StoredBlob put(UUID workspaceId, InputStream content, long maxBytes) throws IOException {
        try (BlobIntake.Spooled spooled = BlobIntake.spool(content, incoming, maxBytes)) {
            BlobIntake.Measured measured = spooled.measured();
            String key = BlobStore.key(workspaceId, measured.sha256());
            Path target = root.resolve(key);
            boolean alreadyStored = Files.exists(target);
            if (!alreadyStored) {
                Files.createDirectories(target.getParent());
                alreadyStored = !moveIntoPlace(spooled.file(), target);
            }
            return new StoredBlob(key, measured.sha256(), measured.size(), measured.mimeType(), alreadyStored);
        }
    }

    /** Answers false when a concurrent upload of the same bytes got there first (its file is as good as ours). */
    private static boolean moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            try {
                Files.move(temporary, target);
                return true;
            } catch (FileAlreadyExistsException raced) {
                return false;
            }
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(root.resolve(BlobStore.requireOwnKey(key)));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("Blob");
        }
    }

    @Override
    public InputStream openRange(String key, long offset, long length) throws IOException {
        Path file = root.resolve(BlobStore.requireOwnKey(key));
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("No bytes at offset " + offset + ", length " + length);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("Blob");
        }
        try {
            // a position past the end is allowed: reads then end at once
            return BoundedInputStream.builder().setInputStream(Channels.newInputStream(channel.position(offset)))
                    .setMaxCount(length).get();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return Files.size(root.resolve(BlobStore.requireOwnKey(key)));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("Blob");
        }
    }

    @Override
    public URI signedUrl(String key, String downloadName, String mimeType, Duration ttl) {
        return links.issue(BlobStore.requireOwnKey(key), downloadName, mimeType, BlobStore.requireSignedUrlTtl(ttl));
    }

    @Override
    public boolean exists(UUID workspaceId, String sha256) {
        if (workspaceId == null || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return false;
        }
        return Files.exists(root.resolve(BlobStore.key(workspaceId, sha256)));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(root.resolve(BlobStore.requireOwnKey(key)));
    }

    @Override
    public void check() throws IOException {
        // a probe file where uploads land first: a full disk or a read-only mount fails here as it would for an upload
        Path probe = Files.createTempFile(incoming, "health-", ".probe");
        Files.delete(probe);
    }

    @Override
    public String describe() {
        return "Folder " + root;
    }
}

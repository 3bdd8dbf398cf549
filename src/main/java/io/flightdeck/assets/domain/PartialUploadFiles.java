package io.flightdeck.assets.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bytes of unfinished resumable uploads: one file per upload under {@code flightdeck.assets.upload-dir}
 * ({@code <data-dir>/uploads/{workspace}/{upload}.part}), on local disk whatever the blob store is, because S3 cannot
 * append. Several nodes therefore need sticky routing per upload or a shared volume here.
 * <p>
 * Only one request at a time may write an upload: the writer holds an OS file lock, which also keeps out a request in
 * another JVM that shares the folder.
 */
@Component
class PartialUploadFiles {

    private static final String SUFFIX = ".part";

    private final Path root;

    PartialUploadFiles(@Value("${flightdeck.assets.upload-dir}") Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    /** An upload's file opened for writing and locked, or {@link UploadRefusedException.Reason#LOCKED}. */
    Writer lock(UUID workspaceId, UUID uploadId) throws IOException {
        Path file = path(workspaceId, uploadId);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new Writer(channel);
            }
        } catch (OverlappingFileLockException heldInThisJvm) {
            // another thread of this node is writing it
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        throw new UploadRefusedException(UploadRefusedException.Reason.LOCKED,
                "Another request is writing this upload; retry in a moment.");
    }

    void delete(UUID workspaceId, UUID uploadId) throws IOException {
        Files.deleteIfExists(path(workspaceId, uploadId));
    }

    /** A file in the folder, named for its workspace and upload. */
    record PartialFile(UUID workspaceId, UUID uploadId, Instant lastModified) {
    }

    /** Every upload file in the folder, for the clean-up of files whose upload no longer exists. */
    List<PartialFile> all() throws IOException {
        List<PartialFile> files = new ArrayList<>();
        try (DirectoryStream<Path> workspaces = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path workspace : workspaces) {
                try (DirectoryStream<Path> uploads = Files.newDirectoryStream(workspace, "*" + SUFFIX)) {
                    for (Path upload : uploads) {
                        String name = upload.getFileName().toString();
                        try {
                            files.add(new PartialFile(UUID.fromString(workspace.getFileName().toString()),
                                    UUID.fromString(name.substring(0, name.length() - SUFFIX.length())),
                                    Files.getLastModifiedTime(upload).toInstant()));
                        } catch (IllegalArgumentException notOurs) {
                            // a file someone else put here: left alone
                        }
                    }
                }
            }
        }
        return files;
    }

    private Path path(UUID workspaceId, UUID uploadId) {
        return root.resolve(workspaceId.toString()).resolve(uploadId + SUFFIX);
    }

    /** The locked file of one upload; closing releases the lock. */
    static final class Writer implements AutoCloseable {

        private final FileChannel channel;

        private Writer(FileChannel channel) {
            this.channel = channel;
        }

        /**
         * Cuts the file back to the durable offset: bytes past it came from an append that was refused or whose
         * process died before it recorded them. Fewer bytes than the offset means they are on another node's disk.
         */
        void resetTo(long offset) throws IOException {
            if (channel.size() < offset) {
                throw new ConflictException("upload-data-missing", "The bytes received so far are not on this server. "
                        + "With several servers, resumable uploads need sticky routing or a shared upload folder.");
            }
            channel.truncate(offset);
            channel.position(offset);
        }

        void write(byte[] buffer, int length) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        /** On disk, not only in the page cache: what an offset may promise. */
        void force() throws IOException {
            channel.force(false);
        }

        /**
         * The whole file, read through the locked channel: on Linux, closing any other descriptor of the file would
         * drop this process's lock on it.
         */
        InputStream content() {
            return new InputStream() {
                private long position;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
                    if (read > 0) {
                        position += read;
                    }
                    return read;
                }
            };
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}

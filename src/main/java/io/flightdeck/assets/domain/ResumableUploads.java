package io.flightdeck.assets.domain;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resumable uploads (tus 1.0): a file sent in as many appends as the connection needs, each continuing where the
 * durable bytes end. An upload belongs to the member who started it, in their workspace; anyone else gets not found.
 * <p>
 * Bytes stream straight from the request to the upload's file ({@link PartialUploadFiles}); no transaction is open
 * while they do. When the last byte is on disk, the file goes through {@link AssetUploads} like any upload (measured,
 * checked against the client's sha256, stored, registered), and the upload records the asset in the registering
 * transaction, so the upload is complete exactly when its asset exists, and asking again never makes a second one.
 */
@Service
public class ResumableUploads {

    private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);

    /** How often a long append records its progress, so a crash of the node loses at most this much. */
    static final long CHECKPOINT_BYTES = 32L * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final UploadSessionRepository sessions;
    private final PartialUploadFiles files;
    private final AssetUploads uploads;
    private final AssetSettingsService settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration expiry;

    ResumableUploads(UploadSessionRepository sessions, PartialUploadFiles files, AssetUploads uploads,
            AssetSettingsService settings, TransactionTemplate transactions, Clock clock,
            @Value("${flightdeck.assets.upload-expiry:24h}") Duration expiry) {
        this.sessions = sessions;
        this.files = files;
        this.uploads = uploads;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** The largest upload the workspace accepts. */
    public long maxSize() {
        return settings.current().maxUploadBytes();
    }

    /**
     * Starts an upload of {@code length} bytes with the asset details of its metadata, refusing up front what could
     * never become an asset (too large, bad details, a space that is gone or archived), so nobody sends gigabytes for
     * nothing.
     */
    public UploadSessionView create(long length, Map<String, String> metadata) {
        if (length < 1) {
            throw new InvalidInputException("Upload-Length", "must be at least one byte");
        }
        uploads.checkDeclaredSize(length);
        UploadMetadata read = UploadMetadata.read(metadata);
        uploads.check(read.upload(), read.fileName());
        UUID creator = CurrentActor.require().userId();
        // The row comes first and the file with the first append: a file never exists without its upload.
        return transactions.execute(status -> sessions.save(new UploadSession(creator, length, metadata, clock.instant(),
                expiry)).view());
    }

    /** The upload as it stands; an unfinished one past its expiry is refused as expired. */
    public UploadSessionView get(UUID id) {
        UploadSession session = find(id);
        if (!session.isComplete() && session.hasExpired(clock.instant())) {
            throw expired();
        }
        return session.view();
    }

    /**
     * Appends the body at {@code offset}, which must be where the upload's durable bytes end. When the connection drops
     * midway, what arrived is kept and recorded (unless a checksum came with the append: bytes that cannot be verified
     * are dropped). The append that brings the last byte completes the upload. An upload that is already complete
     * answers as it is, so a retried final append is harmless.
     */
    public UploadSessionView append(UUID id, long offset, InputStream body, UploadChecksum checksum) throws IOException {
        UploadSession session = find(id);
        if (session.isComplete()) {
            return session.view();
        }
        requireAppendable(session, offset);
        UUID workspaceId = TenantScope.require();
        try (PartialUploadFiles.Writer writer = files.lock(workspaceId, id)) {
            // read again under the lock: an append that finished meanwhile moved the offset, a termination removed it
            session = sessions.findById(id).orElse(null);
            if (session == null) {
                files.delete(workspaceId, id);
                throw new NotFoundException("The upload");
            }
            if (session.isComplete()) {
                return session.view();
            }
            requireAppendable(session, offset);
            writer.resetTo(offset);
            long end = copy(id, body, writer, offset, session.getUploadLength(), checksum);
            if (end == session.getUploadLength()) {
                return complete(id, workspaceId, writer);
            }
            return end > offset ? record(id, end) : session.view();
        }
    }

    /** Ends an upload: its row and its bytes go (an asset it already made stays). */
    public void terminate(UUID id) throws IOException {
        find(id);
        UUID workspaceId = TenantScope.require();
        try (PartialUploadFiles.Writer ignored = files.lock(workspaceId, id)) {
            transactions.executeWithoutResult(status -> sessions.findById(id).ifPresent(sessions::delete));
            files.delete(workspaceId, id);
        }
    }

    /**
     * Streams the body into the file and answers the offset the bytes reach. A long append without a checksum records
     * its progress now and then. A body that breaks off (the client's connection dropped) ends the copy like the end
     * of the body does; the caller's answer will not reach anyone, but the next HEAD tells the client where to go on.
     */
    private long copy(UUID id, InputStream body, PartialUploadFiles.Writer writer, long offset, long length,
            UploadChecksum checksum) throws IOException {
        MessageDigest digest = checksum == null ? null : checksum.newDigest();
        byte[] buffer = new byte[BUFFER];
        long position = offset;
        long recorded = offset;
        boolean interrupted = false;
        while (true) {
            int read;
            try {
                read = body.read(buffer);
            } catch (IOException dropped) {
                log.debug("Upload {} broke off at byte {}: {}", id, position, dropped.toString());
                interrupted = true;
                break;
            }
            if (read == -1) {
                break;
            }
            if (position + read > length) {
                writer.resetTo(recorded); // what a checkpoint recorded stays, like the bytes of a dropped connection
                throw new UploadRefusedException(UploadRefusedException.Reason.LENGTH_EXCEEDED,
                        "The request carries more bytes than the upload's length leaves room for (" + (length - offset)
                                + " from offset " + offset + ").");
            }
            writer.write(buffer, read);
            position += read;
            if (digest != null) {
                digest.update(buffer, 0, read);
            } else if (position - recorded >= CHECKPOINT_BYTES && position < length) {
                // the last byte is recorded by the completion, together with the asset
                writer.force();
                record(id, position);
                recorded = position;
            }
        }
        if (digest != null && (interrupted || !checksum.matches(digest.digest()))) {
            writer.resetTo(offset);
            if (interrupted) {
                return offset;
            }
            throw new UploadRefusedException(UploadRefusedException.Reason.CHECKSUM_MISMATCH,
                    "The bytes of this request do not match its Upload-Checksum; they were not kept.");
        }
        writer.force();
        return position;
    }

    private UploadSessionView record(UUID id, long offset) {
        return transactions.execute(status -> {
            UploadSession session = sessions.findById(id).orElseThrow(() -> new NotFoundException("The upload"));
            session.advanceTo(offset, clock.instant(), expiry);
            return sessions.saveAndFlush(session).view();
        });
    }

    /**
     * The last byte is on disk: the file goes through the library and the upload records its asset in the same
     * transaction. A refusal (the file's sha256 does not match, the space was archived meanwhile, the workspace's limit
     * went down) ends the upload, since sending the bytes again would not help; a failure (storage, database) leaves it
     * where the previous append left it, so the client sends the last bytes again.
     */
    private UploadSessionView complete(UUID id, UUID workspaceId, PartialUploadFiles.Writer writer) throws IOException {
        UploadSession session = sessions.findById(id).orElseThrow(() -> new NotFoundException("The upload"));
        UploadMetadata metadata = UploadMetadata.read(session.getMetadata());
        try (InputStream content = writer.content()) {
            uploads.uploadFinished(metadata.upload(), metadata.fileName(), content, metadata.sha256(),
                    result -> sessions.findById(id).orElseThrow(() -> new NotFoundException("The upload"))
                            .complete(result.asset().id(), clock.instant(), expiry));
        } catch (UploadRefusedException | ConflictException | NotFoundException | InvalidInputException
                | PayloadTooLargeException refused) {
            transactions.executeWithoutResult(status -> sessions.findById(id).ifPresent(sessions::delete));
            files.delete(workspaceId, id);
            throw refused;
        }
        files.delete(workspaceId, id);
        return transactions.execute(status -> sessions.findById(id).map(UploadSession::view)
                .orElseThrow(() -> new NotFoundException("The upload")));
    }

    private UploadSession find(UUID id) {
        UUID userId = CurrentActor.require().userId();
        return transactions.execute(status -> sessions.findById(id))
                .filter(session -> session.getCreatedBy().equals(userId))
                .orElseThrow(() -> new NotFoundException("The upload"));
    }

    private void requireAppendable(UploadSession session, long offset) {
        if (session.hasExpired(clock.instant())) {
            throw expired();
        }
        if (offset != session.getUploadOffset()) {
            throw new ConflictException("upload-offset-mismatch", "Upload-Offset " + offset + " is not where this "
                    + "upload's bytes end (" + session.getUploadOffset() + "); ask with HEAD and go on from there.",
                    Map.of("uploadOffset", session.getUploadOffset()));
        }
    }

    private static UploadRefusedException expired() {
        return new UploadRefusedException(UploadRefusedException.Reason.EXPIRED,
                "This upload expired; start it again.");
    }
}

package io.flightdeck.assets.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.assets.AssetImportEnded;
import io.flightdeck.assets.domain.ImportSource;
import io.flightdeck.shared.Text;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One uploaded CSV file and its run: queued, running, then succeeded, partly imported (bad rows skipped) or failed.
 * Its counters and progress move with every batch through bulk updates ({@link AssetImportRepository#progress}), so
 * the audit log records the import's start and end, not each batch.
 */
@Entity
@Table(name = "asset_imports")
class AssetImport extends TenantOwnedEntity {

    private UUID spaceId;
    @Enumerated(EnumType.STRING)
    private ImportKind kind;
    @Enumerated(EnumType.STRING)
    private ImportFormat format;
    @Enumerated(EnumType.STRING)
    private ImportMode mode;
    private String fileName;
    private String fileSha256;
    private long fileSize;
    private String blobKey;
    @Enumerated(EnumType.STRING)
    private ImportStatus status;
    private long rowsRead;
    private long rowsImported;
    private long rowsRejected;
    private long errorCount;
    private long resumeAfterRow;
    private long bytesDone;
    private long bytesTotal;
    private int attempts;
    private String failure;
    private String replacedEntered;
    @Enumerated(EnumType.STRING)
    private ImportSource source = ImportSource.CSV_IMPORT;
    private UUID connectionId;
    // the days a platform sync reads, kept so a run that starts again (a crash, the sweeper) reads the same ones
    private LocalDate rangeFrom;
    private LocalDate rangeTo;
    // null: started by the recurring sync, in no one's name
    private UUID createdBy;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    // when the row last changed through the entity: the orphan sweep leaves a row this fresh alone
    private Instant updatedAt;
    @Version
    private Long version;

    protected AssetImport() {
    }

    AssetImport(UUID spaceId, ImportKind kind, ImportFormat format, ImportMode mode, String fileName, String fileSha256,
            long fileSize, String blobKey, UUID createdBy, Instant now) {
        this.spaceId = spaceId;
        this.kind = kind;
        this.format = format;
        this.mode = mode;
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
        this.fileSize = fileSize;
        this.blobKey = blobKey;
        this.status = ImportStatus.QUEUED;
        // all-or-nothing reads the file twice: once to check every row, once to write
        this.bytesTotal = mode == ImportMode.ALL_OR_NOTHING ? 2 * fileSize : fileSize;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /**
     * A sync from a platform's API: no file; its job is scheduled with it, so it is created running. A null
     * {@code createdBy} is the recurring sync.
     */
    static AssetImport fromPlatform(UUID spaceId, ImportFormat format, String label, UUID connectionId,
            UUID createdBy, LocalDate from, LocalDate to, Instant now) {
        AssetImport run = new AssetImport(spaceId, ImportKind.PERFORMANCE, format, ImportMode.ALL_OR_NOTHING, label,
                null, 0, null, createdBy, now);
        run.source = ImportSource.PLATFORM_API;
        run.connectionId = connectionId;
        run.rangeFrom = from;
        run.rangeTo = to;
        run.begin(now);
        return run;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    boolean isFinished() {
        return status.isFinished();
    }

    UUID getConnectionId() {
        return connectionId;
    }

    LocalDate getRangeFrom() {
        return rangeFrom;
    }

    LocalDate getRangeTo() {
        return rangeTo;
    }

    /**
     * A run begins (the first, a retry, or a rerun after a crash). Skip-bad-rows carries on after its last committed
     * row; all-or-nothing committed nothing before its end, so it starts over. Answers false once finished, so a job
     * delivered twice does nothing the second time.
     */
    boolean begin(Instant now) {
        if (status.isFinished()) {
            return false;
        }
        if (!resumes()) {
            rowsRead = rowsImported = rowsRejected = errorCount = resumeAfterRow = bytesDone = 0;
        }
        attempts++;
        status = ImportStatus.RUNNING;
        if (startedAt == null) {
            startedAt = now;
        }
        return true;
    }

    /** Whether this run continues an earlier one (whose committed rows and errors stay). */
    boolean resumes() {
        return mode == ImportMode.SKIP_BAD_ROWS && resumeAfterRow > 0;
    }

    /**
     * The end of a run that read the whole file: all good; or, skipping bad rows, partly (some imported) or failed (none
     * were good); all-or-nothing fails with a single bad row and then has written nothing.
     */
    void finish(ImportTally tally, Instant now) {
        take(tally);
        bytesDone = bytesTotal;
        if (rowsRejected == 0) {
            status = ImportStatus.SUCCEEDED;
        } else {
            status = mode == ImportMode.SKIP_BAD_ROWS && rowsImported > 0 ? ImportStatus.PARTLY : ImportStatus.FAILED;
        }
        finishedAt = now;
        ended(now);
    }

    /** The file could not be read through, or the job gave up; what was committed (skip-bad-rows) stays. */
    void fail(ImportTally tally, String why, Instant now) {
        if (tally != null) {
            take(tally);
        }
        status = ImportStatus.FAILED;
        failure = Text.cut(why, 1000);
        finishedAt = now;
        ended(now);
    }

    /** What the import's numbers replaced that a person entered by hand on the space, in words; null for nothing. */
    void replaced(String enteredByHand) {
        if (enteredByHand != null) {
            this.replacedEntered = enteredByHand;
        }
    }

    /** Whoever started it hears how it ended (the notifications module listens). */
    private void ended(Instant now) {
        registerEvent(new AssetImportEnded(getTenantId(), getId(), spaceId, fileName, status.name(), rowsImported,
                rowsRejected, failure, createdBy, now));
    }

    private void take(ImportTally tally) {
        rowsRead = tally.read;
        rowsImported = tally.imported;
        rowsRejected = tally.rejected;
        errorCount = tally.errors;
        resumeAfterRow = tally.lastRow;
    }

    ImportTally tally(long storedErrors) {
        ImportTally tally = new ImportTally();
        tally.read = rowsRead;
        tally.imported = rowsImported;
        tally.rejected = rowsRejected;
        tally.errors = errorCount;
        tally.storedErrors = storedErrors;
        tally.lastRow = resumeAfterRow;
        return tally;
    }

    UUID getSpaceId() {
        return spaceId;
    }

    ImportKind getKind() {
        return kind;
    }

    ImportFormat getFormat() {
        return format;
    }

    ImportMode getMode() {
        return mode;
    }

    String getBlobKey() {
        return blobKey;
    }

    long getFileSize() {
        return fileSize;
    }

    int getAttempts() {
        return attempts;
    }

    long getErrorCount() {
        return errorCount;
    }

    UUID getCreatedBy() {
        return createdBy;
    }

    AssetImportView view() {
        int percent = bytesTotal == 0 ? (status.isFinished() ? 100 : 0)
                : (int) Math.min(status.isFinished() ? 100 : 99, bytesDone * 100 / bytesTotal);
        return new AssetImportView(getId(), spaceId, kind, format, mode, fileName, fileSha256, fileSize, status, percent,
                rowsRead, rowsImported, rowsRejected, errorCount, attempts, failure, replacedEntered, createdBy,
                createdAt, startedAt, finishedAt, source, connectionId);
    }
}

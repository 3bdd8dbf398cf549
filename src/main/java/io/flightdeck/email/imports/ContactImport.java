package io.flightdeck.email.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactBatches;
import io.flightdeck.shared.Text;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One uploaded CSV file of contacts and its run: uploaded (previewed, nothing written), then started with a mapping and
 * queued, running, and finished. Counters move with every batch through bulk updates
 * ({@link ContactImportRepository#progress}), so the audit log records the upload, the start and the end, not each
 * batch.
 */
@Entity
@Table(name = "email_contact_imports")
class ContactImport extends TenantOwnedEntity {

    @Column(name = "file_name", nullable = false)
    private String fileName;
    @Column(name = "file_size", nullable = false)
    private long fileSize;
    @Column(nullable = false)
    private String delimiter;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> header = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactImportStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<ContactImportColumn> mapping;
    @Column(name = "consent_evidence")
    private String consentEvidence;
    @Column(name = "list_id")
    private UUID listId;
    @Enumerated(EnumType.STRING)
    private ContactBatches.Existing existing;
    private long rowsRead;
    private long rowsAdded;
    private long rowsUpdated;
    private long rowsSkipped;
    private long rowsSuppressed;
    private long rowsRejected;
    private long errorCount;
    private long resumeAfterRow;
    private long bytesDone;
    private int attempts;
    private String failure;
    private UUID createdBy;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    @Version
    private Long version;

    protected ContactImport() {
    }

    ContactImport(String fileName, UUID createdBy, Instant now) {
        this.fileName = fileName;
        this.delimiter = ",";
        this.status = ContactImportStatus.UPLOADED;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** What the stored file turned out to be: its size, its delimiter and its header's column names. */
    void read(long fileSize, char delimiter, List<String> header) {
        this.fileSize = fileSize;
        this.delimiter = String.valueOf(delimiter);
        this.header = new ArrayList<>(header);
    }

    /** The mapping and choices, checked by the caller; only an uploaded file starts, and only once. */
    void start(List<ContactImportColumn> mapping, String consentEvidence, UUID listId,
            ContactBatches.Existing existing) {
        ContactImportMove.START.requireFrom(status);
        this.mapping = new ArrayList<>(mapping);
        this.consentEvidence = consentEvidence;
        this.listId = listId;
        this.existing = existing;
        this.status = ContactImportStatus.QUEUED;
    }

    /** A run begins (the first, a retry, or a rerun after a crash): it carries on after its last committed row. */
    void begin(Instant now) {
        ContactImportMove.BEGIN.requireFrom(status);
        attempts++;
        status = ContactImportStatus.RUNNING;
        if (startedAt == null) {
            startedAt = now;
        }
    }

    /** The whole file read: all good, partly (bad rows in the report), or failed when no row was good. */
    void finish(ContactImportTally tally, Instant now) {
        ContactImportMove.FINISH.requireFrom(status);
        take(tally);
        bytesDone = fileSize;
        long good = rowsAdded + rowsUpdated + rowsSkipped + rowsSuppressed;
        status = rowsRejected == 0 ? ContactImportStatus.SUCCEEDED
                : good > 0 ? ContactImportStatus.PARTLY : ContactImportStatus.FAILED;
        finishedAt = now;
    }

    /** The run cannot go on (the file is not readable from some row, or the job gave up); committed rows stay. */
    void fail(ContactImportTally tally, String why, Instant now) {
        ContactImportMove.FAIL.requireFrom(status);
        if (tally != null) {
            take(tally);
        }
        status = ContactImportStatus.FAILED;
        failure = Text.cut(why, 1000);
        finishedAt = now;
    }

    private void take(ContactImportTally tally) {
        rowsRead = tally.read;
        rowsAdded = tally.added;
        rowsUpdated = tally.updated;
        rowsSkipped = tally.skipped;
        rowsSuppressed = tally.suppressed;
        rowsRejected = tally.rejected;
        errorCount = tally.errors;
        resumeAfterRow = tally.lastRow;
    }

    ContactImportTally tally(long storedErrors) {
        ContactImportTally tally = new ContactImportTally();
        tally.read = rowsRead;
        tally.added = rowsAdded;
        tally.updated = rowsUpdated;
        tally.skipped = rowsSkipped;
        tally.suppressed = rowsSuppressed;
        tally.rejected = rowsRejected;
        tally.errors = errorCount;
        tally.storedErrors = storedErrors;
        tally.lastRow = resumeAfterRow;
        tally.bytesDone = bytesDone;
        return tally;
    }

    ContactImportStatus status() {
        return status;
    }

    List<String> header() {
        return header;
    }

    char delimiter() {
        return delimiter.charAt(0);
    }

    List<ContactImportColumn> mapping() {
        return mapping;
    }

    String consentEvidence() {
        return consentEvidence;
    }

    UUID listId() {
        return listId;
    }

    ContactBatches.Existing existing() {
        return existing;
    }

    long fileSize() {
        return fileSize;
    }

    int attempts() {
        return attempts;
    }

    long errorCount() {
        return errorCount;
    }

    UUID createdBy() {
        return createdBy;
    }

    String fileName() {
        return fileName;
    }

    ContactImportView view() {
        int percent = status.isFinished() ? 100 : fileSize == 0 || status == ContactImportStatus.UPLOADED ? 0
                : (int) Math.min(99, bytesDone * 100 / fileSize);
        return new ContactImportView(getId(), fileName, fileSize, delimiter, List.copyOf(header), status, percent,
                mapping == null ? null : List.copyOf(mapping), consentEvidence, listId,
                existing == null ? null : existing.name(), rowsRead, rowsAdded, rowsUpdated, rowsSkipped,
                rowsSuppressed, rowsRejected, errorCount, failure, createdBy, createdAt, startedAt, finishedAt,
                version == null ? 0 : version);
    }
}

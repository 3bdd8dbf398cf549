package io.flightdeck.email.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contact import as the API and the pages show it: the file, the choices it was started with, and its run's counts.
 * Each data row lands in exactly one of {@code added}, {@code updated}, {@code skipped} (already a contact, left as it
 * was), {@code suppressedKept} (unsubscribed, bounced or complained: left suppressed) and {@code rejected} (in the error
 * report); {@code errorCount} counts the report's lines (a row may have several), of which the report keeps the first
 * 1,000.
 */
public record ContactImportView(UUID id, String fileName, long fileSize, String delimiter,
        @Nullable List<String> columns, ContactImportStatus status, int progressPercent,
        @Nullable List<ContactImportColumn> mapping, @Nullable String consentEvidence, @Nullable UUID listId,
        @Nullable String existing, long rowsRead, long added, long updated, long skipped, long suppressedKept,
        long rejected, long errorCount, @Nullable String failure, UUID createdBy, Instant createdAt,
        @Nullable Instant startedAt, @Nullable Instant finishedAt, long version) {
}

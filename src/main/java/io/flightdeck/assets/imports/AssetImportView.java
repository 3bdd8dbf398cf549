package io.flightdeck.assets.imports;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.assets.domain.ImportSource;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An import as the API answers it. {@code progressPercent} is estimated from the bytes read (an all-or-nothing import
 * reads its file twice: first to check, then to write); the row counters are exact at each committed batch.
 * {@code source} is CSV_IMPORT for a file and PLATFORM_API for a sync from a connection (no file, no checksum).
 */
public record AssetImportView(UUID id, UUID spaceId, ImportKind kind, ImportFormat format, ImportMode mode,
        String fileName, @Nullable String fileSha256, long fileSize, ImportStatus status, int progressPercent, long rowsRead,
        long rowsImported, long rowsRejected, long errorCount, int attempts, @Nullable String failure,
        @Nullable String replacedEntered,
        @Schema(description = "Who started it; null for the recurring sync") @Nullable UUID createdBy,
        Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, ImportSource source,
        @Nullable UUID connectionId) {
}

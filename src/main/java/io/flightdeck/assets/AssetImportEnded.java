package io.flightdeck.assets;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An import of asset details or performance ended: {@code SUCCEEDED}, {@code PARTLY} (bad rows skipped) or
 * {@code FAILED} (with {@code failure} when the file could not be read through or the job gave up).
 *
 * @param startedBy who uploaded the file
 */
@DomainEvent
public record AssetImportEnded(UUID workspaceId, UUID importId, UUID spaceId, String fileName, String status,
        long rowsImported, long rowsRejected, String failure, UUID startedBy, Instant at) {
}

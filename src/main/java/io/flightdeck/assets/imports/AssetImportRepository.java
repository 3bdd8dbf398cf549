package io.flightdeck.assets.imports;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AssetImportRepository extends JpaRepository<AssetImport, UUID> {

    Page<AssetImport> findBySpaceId(UUID spaceId, Pageable pageable);

    /** The space's platform sync that is not finished yet, if one is. */
    java.util.Optional<AssetImport> findFirstBySpaceIdAndSourceAndStatusIn(UUID spaceId,
            io.flightdeck.assets.domain.ImportSource source, java.util.Collection<ImportStatus> statuses);

    /** The space's latest platform sync that ended well: the daily sync reads again from a few days before its end. */
    java.util.Optional<AssetImport> findFirstBySpaceIdAndSourceAndStatusOrderByRangeToDesc(UUID spaceId,
            io.flightdeck.assets.domain.ImportSource source, ImportStatus status);

    /**
     * A batch's bookkeeping, without an audit entry per batch. Only the latest run of the import may write it (its
     * attempt number is the fence): a run that a revived twin has overtaken updates nothing.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update AssetImport i set i.rowsRead = :read, i.rowsImported = :imported, i.rowsRejected = :rejected,
                i.errorCount = :errors, i.resumeAfterRow = :lastRow, i.bytesDone = :bytesDone
            where i.id = :id and i.attempts = :attempt""")
    int progress(UUID id, int attempt, long read, long imported, long rejected, long errors, long lastRow, long bytesDone);

    default int progress(UUID id, int attempt, ImportTally t) {
        return progress(id, attempt, t.read, t.imported, t.rejected, t.errors, t.lastRow, t.bytesDone);
    }
}

package io.flightdeck.email.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContactImportRepository extends JpaRepository<ContactImport, UUID> {

    Page<ContactImport> findAllBy(Pageable pageable);

    /**
     * A batch's counters, as a bookkeeping update (not audited per batch); answers 0 when another run of the same
     * import began since ({@code attempts} moved on), so this run stops.
     */
    @Modifying(flushAutomatically = true)
    @Query("""
            update ContactImport i set i.rowsRead = :read, i.rowsAdded = :added, i.rowsUpdated = :updated,
              i.rowsSkipped = :skipped, i.rowsSuppressed = :suppressed, i.rowsRejected = :rejected,
              i.errorCount = :errors, i.resumeAfterRow = :lastRow, i.bytesDone = :bytesDone
            where i.id = :id and i.attempts = :attempt""")
    int progress(UUID id, int attempt, long read, long added, long updated, long skipped, long suppressed,
            long rejected, long errors, long lastRow, long bytesDone);

    default int progress(UUID id, int attempt, ContactImportTally t) {
        return progress(id, attempt, t.read, t.added, t.updated, t.skipped, t.suppressed, t.rejected, t.errors,
                t.lastRow, t.bytesDone);
    }

    /** Uploaded files nobody started, oldest first (across workspaces: only the recurring sweep asks, in system scope). */
    @Query("select i from ContactImport i where i.status = io.flightdeck.email.imports.ContactImportStatus.UPLOADED "
            + "and i.createdAt < :before order by i.createdAt")
    List<ContactImport> abandoned(@Param("before") Instant before, Pageable page);
}

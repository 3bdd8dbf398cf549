package io.flightdeck.assets.imports;

import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.storage.StoredBlob;
import io.flightdeck.assets.domain.PerformanceDays;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An import's bookkeeping, each step its own short transaction unless it says otherwise: created with its job, begun,
 * checkpointed with each batch (in the batch's transaction), its progress, its end.
 */
@Component
class ImportLedger {

    /** The error report keeps this many lines; the import's error count has them all. */
    static final int MAX_STORED_ERRORS = 1_000;

    /** What a run needs to know about its import. */
    record Started(UUID id, int attempt, UUID spaceId, ImportKind kind, ImportFormat format, ImportMode mode,
            String blobKey, long fileSize, UUID createdBy, long resumeAfterRow, ImportTally tally) {
    }

    /**
     * Another run of the same import began after this one (db-scheduler revived the job while this run still went,
     * say): this run's transaction rolls back and it stops, so no batch is written twice.
     */
    static final class Overtaken extends RuntimeException {

        Overtaken(UUID id) {
            super("A later run of import " + id + " has taken over", null, false, false);
        }
    }

    private final AssetImportRepository imports;
    private final AssetImportErrorRepository errors;
    private final Jobs jobs;
    private final PerformanceDays days;
    private final Clock clock;

    ImportLedger(AssetImportRepository imports, AssetImportErrorRepository errors, Jobs jobs,
            PerformanceDays days, Clock clock) {
        this.imports = imports;
        this.errors = errors;
        this.jobs = jobs;
        this.days = days;
        this.clock = clock;
    }

    /** The import and its job, in one transaction: neither exists without the other. */
    @Transactional
    AssetImportView create(UUID spaceId, ImportKind kind, ImportFormat format, ImportMode mode, String fileName,
            StoredBlob blob, UUID createdBy) {
        AssetImport created = imports.save(new AssetImport(spaceId, kind, format, mode, fileName, blob.sha256(),
                blob.size(), blob.key(), createdBy, clock.instant()));
        imports.flush();
        jobs.schedule(ImportJob.ASSET_IMPORT, TenantScope.require(), created.getId(), Instant.now());
        return created.view();
    }

    /** Null when there is nothing to run: the import is gone (its space was deleted) or already finished. */
    @Transactional
    Started begin(UUID id) {
        AssetImport run = imports.findById(id).orElse(null);
        if (run == null || !run.begin(clock.instant())) {
            return null;
        }
        if (!run.resumes()) {
            errors.deleteByImportId(id);
        }
        imports.flush();
        ImportTally tally = run.tally(run.resumes() ? errors.countByImportId(id) : 0);
        return new Started(id, run.getAttempts(), run.getSpaceId(), run.getKind(), run.getFormat(), run.getMode(), run.getBlobKey(),
                run.getFileSize(), run.getCreatedBy(), tally.lastRow, tally);
    }

    /** A batch's counters and error lines, in the batch's transaction, so a rerun resumes exactly after it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void checkpoint(Started run, ImportTally tally, List<ImportRowError> lines) {
        if (imports.progress(run.id(), run.attempt(), tally) == 0) {
            throw new Overtaken(run.id());
        }
        store(run.id(), tally, lines);
    }

    /** Progress while nothing commits (all-or-nothing): in a transaction of its own, so it shows at once. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(Started run, ImportTally tally) {
        if (imports.progress(run.id(), run.attempt(), tally) == 0) {
            throw new Overtaken(run.id());
        }
    }

    /** The end of a run that read the whole file; in the transaction of its last batch when there is one. */
    @Transactional
    void finish(Started started, ImportTally tally, List<ImportRowError> lines) {
        AssetImport run = imports.findById(started.id()).orElseThrow(() -> new Overtaken(started.id()));
        if (run.getAttempts() != started.attempt()) {
            throw new Overtaken(started.id());
        }
        store(started.id(), tally, lines);
        if (started.kind() == ImportKind.PERFORMANCE && tally.imported > 0) {
            run.replaced(days.recountTotals(started.spaceId(), clock.instant()).orElse(null));
        }
        run.finish(tally, clock.instant());
        imports.saveAndFlush(run); // publishes the run's AssetImportEnded
    }

    /**
     * The run cannot go on: the file is not readable CSV from some row, the space was archived, or the job gave up
     * after its retries. What skip-bad-rows committed stays, so its totals are recounted.
     */
    @Transactional
    void fail(UUID id, ImportTally tally, String why, ImportRowError line) {
        AssetImport run = imports.findById(id).orElse(null);
        if (run == null) {
            return;
        }
        ImportTally counted = tally != null ? tally : run.tally(errors.countByImportId(id));
        if (line != null) {
            counted.errors++;
            store(id, counted, List.of(line));
        }
        run.fail(counted, why, clock.instant());
        if (run.getKind() == ImportKind.PERFORMANCE && counted.imported > 0) {
            run.replaced(days.recountTotals(run.getSpaceId(), clock.instant()).orElse(null));
        }
        imports.saveAndFlush(run); // publishes the run's AssetImportEnded
    }

    /** Keeps error lines up to the report's cap; the tally's error count already has them all. */
    private void store(UUID id, ImportTally tally, List<ImportRowError> lines) {
        int room = (int) Math.max(0, MAX_STORED_ERRORS - tally.storedErrors);
        List<ImportRowError> kept = lines.size() > room ? lines.subList(0, room) : lines;
        List<AssetImportError> rows = new java.util.ArrayList<>(kept.size());
        for (ImportRowError line : kept) {
            rows.add(new AssetImportError(id, (int) ++tally.storedErrors, line));
        }
        errors.saveAll(rows);
    }
}

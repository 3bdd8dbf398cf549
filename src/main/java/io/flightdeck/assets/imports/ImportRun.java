package io.flightdeck.assets.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of an import, streaming the stored file record by record (memory holds one batch, never the file).
 * <ul>
 * <li><b>Skip bad rows</b>: good rows are written a batch at a time, each batch in one transaction with its error
 * lines and the import's counters, so a rerun resumes after the last committed row; the totals are recounted at the
 * end.</li>
 * <li><b>All or nothing</b>: a first pass checks every row and writes nothing; with any bad row the import fails with
 * the full report. Otherwise a second pass writes everything, recounts the totals and finishes the import in one
 * transaction, so a crash leaves nothing behind and the rerun starts over.</li>
 * </ul>
 * Runs inside the import's workspace scope, outside any transaction, as the member who started the import.
 */
@Component
class ImportRun {

    /** Rows per written batch (and per checkpoint). */
    static final int BATCH = 5_000;
    /** Progress of a run that commits nothing yet is written at most this often. */
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    private final ImportLedger ledger;
    private final RowReaders readers;
    private final BlobStore store;
    private final TransactionTemplate transactions;

    ImportRun(ImportLedger ledger, RowReaders readers, BlobStore store, TransactionTemplate transactions) {
        this.ledger = ledger;
        this.readers = readers;
        this.store = store;
        this.transactions = transactions;
    }

    void run(UUID importId) {
        ImportLedger.Started started = ledger.begin(importId);
        if (started == null) {
            return;
        }
        // the member who started it acts (audit, created copy); the role was checked when the import was accepted
        Actor actor = new Actor(started.createdBy(), TenantScope.require(), Role.CONTRIBUTOR, null, "CSV import",
                ZoneOffset.UTC, null);
        CurrentActor.runAs(actor, () -> {
            try {
                if (readers.isArchived(started.spaceId())) {
                    throw new ImportFileException(0, "The campaign space was archived before the import ran; restore "
                            + "it and import the file again.");
                }
                if (started.mode() == ImportMode.SKIP_BAD_ROWS) {
                    skipBadRows(started);
                } else {
                    allOrNothing(started);
                }
            } catch (ImportLedger.Overtaken e) {
                log.info("{}; this run stops", e.getMessage());
            } catch (ImportFileException e) {
                ledger.fail(importId, null, e.getMessage(), new ImportRowError(e.row(), null, e.getMessage()));
            } catch (NotFoundException e) {
                ledger.fail(importId, null, "The uploaded file is no longer in storage; upload it again.", null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private ImportFile open(ImportLedger.Started started) throws IOException {
        return ImportFile.open(store.open(started.blobKey()));
    }

    private void skipBadRows(ImportLedger.Started started) throws IOException {
        try (ImportFile file = open(started)) {
            skipBadRows(started, readers.open(started.spaceId(), started.kind(), file, started.id()), file);
        }
    }

    private <T> void skipBadRows(ImportLedger.Started started, ImportRows<T> rows, ImportFile file) {
        ImportTally tally = started.tally();
        List<T> batch = new ArrayList<>(BATCH);
        List<ImportRowError> lines = new ArrayList<>();
        for (SourceRow row; (row = file.next()) != null; ) {
            if (row.row() <= started.resumeAfterRow()) {
                continue; // committed by an earlier run
            }
            tally.read++;
            Checked<T> checked = rows.check(row);
            if (checked.isOk()) {
                batch.add(checked.value());
            } else {
                tally.rejected++;
                tally.errors += checked.errors().size();
                lines.addAll(checked.errors());
            }
            tally.lastRow = row.row();
            if (batch.size() + lines.size() >= BATCH) {
                tally.bytesDone = Math.min(started.fileSize(), file.bytesRead());
                transactions.executeWithoutResult(tx -> {
                    rows.write(batch);
                    tally.imported += batch.size();
                    ledger.checkpoint(started, tally, lines);
                });
                batch.clear();
                lines.clear();
            }
        }
        transactions.executeWithoutResult(tx -> {
            rows.write(batch);
            tally.imported += batch.size();
            ledger.finish(started, tally, lines); // recounts the space's totals in the same transaction
        });
    }

    private void allOrNothing(ImportLedger.Started started) throws IOException {
        ImportTally tally = started.tally();
        List<ImportRowError> lines = new ArrayList<>();
        try (ImportFile file = open(started)) {
            check(started, readers.open(started.spaceId(), started.kind(), file, started.id()), file, tally, lines);
        }
        if (tally.rejected > 0) {
            ledger.finish(started, tally, lines);
            return;
        }
        try {
            transactions.executeWithoutResult(tx -> {
                try (ImportFile file = open(started)) {
                    write(started, readers.open(started.spaceId(), started.kind(), file, started.id()), file, tally);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RowChangedMeanwhile e) {
            // an asset the first pass found is gone: the transaction rolled back, the import fails with the reason
            tally.imported = 0;
            tally.rejected = 1;
            tally.errors = e.lines.size();
            ledger.finish(started, tally, e.lines);
        }
    }

    /** The first pass: every row checked, nothing written; error lines kept up to the report's cap. */
    private <T> void check(ImportLedger.Started started, ImportRows<T> rows, ImportFile file, ImportTally tally,
            List<ImportRowError> lines) {
        long reported = System.nanoTime();
        for (SourceRow row; (row = file.next()) != null; ) {
            tally.read++;
            Checked<T> checked = rows.check(row);
            if (!checked.isOk()) {
                tally.rejected++;
                tally.errors += checked.errors().size();
                for (ImportRowError line : checked.errors()) {
                    if (lines.size() < ImportLedger.MAX_STORED_ERRORS) {
                        lines.add(line);
                    }
                }
            }
            if (System.nanoTime() - reported > PROGRESS_EVERY_NANOS) {
                tally.bytesDone = Math.min(started.fileSize(), file.bytesRead());
                ledger.progress(started, tally);
                reported = System.nanoTime();
            }
        }
    }

    /** The second pass, inside the one transaction: write, recount, finish. */
    private <T> void write(ImportLedger.Started started, ImportRows<T> rows, ImportFile file, ImportTally tally) {
        List<T> batch = new ArrayList<>(BATCH);
        long reported = System.nanoTime();
        for (SourceRow row; (row = file.next()) != null; ) {
            Checked<T> checked = rows.check(row);
            if (!checked.isOk()) {
                throw new RowChangedMeanwhile(checked.errors());
            }
            batch.add(checked.value());
            if (batch.size() >= BATCH) {
                rows.write(batch);
                tally.imported += batch.size();
                batch.clear();
                if (System.nanoTime() - reported > PROGRESS_EVERY_NANOS) {
                    tally.bytesDone = started.fileSize() + Math.min(started.fileSize(), file.bytesRead());
                    ledger.progress(started, tally);
                    reported = System.nanoTime();
                }
            }
        }
        rows.write(batch);
        tally.imported += batch.size();
        ledger.finish(started, tally, List.of()); // recounts the space's totals in the same transaction
    }

    /** A row the first pass accepted is refused by the second (its asset was deleted meanwhile, say). */
    private static final class RowChangedMeanwhile extends RuntimeException {

        private final List<ImportRowError> lines;

        RowChangedMeanwhile(List<ImportRowError> lines) {
            super("A row changed between the check and the write", null, false, false);
            this.lines = lines;
        }
    }
}

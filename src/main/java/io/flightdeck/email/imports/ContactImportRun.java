package io.flightdeck.email.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.email.contacts.ConsentSource;
import io.flightdeck.email.contacts.ContactBatches;
import io.flightdeck.email.contacts.ContactConsent;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of a contact import, streaming the stored file record by record: memory holds one batch of rows and the
 * hashes of the addresses met (for duplicates), never the file. Good rows are written {@value #BATCH} at a time, each
 * batch in one transaction with its error lines and the import's counters, so a rerun after a crash carries on after
 * the last committed row (reading the rows before it only to remember their addresses). Bad rows go to the error
 * report and are skipped. Runs inside the import's workspace scope, outside any transaction, as the member who
 * started it.
 */
@Component
class ContactImportRun {

    /** Rows per written batch (and per checkpoint). */
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(ContactImportRun.class);

    private final ContactImportLedger ledger;
    private final ImportFileChunks chunks;
    private final ContactBatches batches;
    private final TransactionTemplate transactions;

    ContactImportRun(ContactImportLedger ledger, ImportFileChunks chunks, ContactBatches batches,
            TransactionTemplate transactions) {
        this.ledger = ledger;
        this.chunks = chunks;
        this.batches = batches;
        this.transactions = transactions;
    }

    void run(UUID importId) {
        ContactImportLedger.Started started = ledger.begin(importId);
        if (started == null) {
            return;
        }
        // the member who started it acts (the audit log names them); the role was checked when it was started
        Actor actor = new Actor(started.createdBy(), TenantScope.require(), Role.CONTRIBUTOR, null, "Contact import",
                ZoneOffset.UTC, null);
        CurrentActor.runAs(actor, () -> {
            try {
                read(started);
            } catch (ContactImportLedger.Overtaken e) {
                log.info("{}; this run stops", e.getMessage());
            } catch (ContactImportFileException e) {
                ledger.fail(importId, e.getMessage(), new ContactImportRowError(0, null, e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private void read(ContactImportLedger.Started started) throws IOException {
        ContactImportTally tally = started.tally();
        long resumeAfter = tally.lastRow;
        ContactConsent consent = new ContactConsent(ConsentSource.IMPORT, started.consentEvidence(), null);
        ContactRowCheck check = new ContactRowCheck(started.header(), started.mapping());
        String emailColumn = started.header().get(started.mapping().stream()
                .filter(c -> c.field() == ContactImportField.EMAIL).findFirst().orElseThrow().index());
        SeenAddresses seen = new SeenAddresses();
        List<ContactBatches.Row> batch = new ArrayList<>(BATCH);
        List<Long> batchRows = new ArrayList<>(BATCH);
        List<ContactImportRowError> lines = new ArrayList<>();
        try (ContactCsvFile file = ContactCsvFile.open(chunks.open(started.id()))) {
            for (ContactCsvFile.Row row; (row = file.next()) != null; ) {
                ContactRowCheck.Checked checked = check.check(row);
                if (row.row() <= resumeAfter) {
                    if (checked.ok()) {
                        seen.add(checked.row().address().key()); // written by an earlier run
                    }
                    continue;
                }
                tally.read++;
                if (!checked.ok()) {
                    tally.rejected++;
                    tally.errors += checked.errors().size();
                    lines.addAll(checked.errors());
                } else if (!seen.add(checked.row().address().key())) {
                    tally.rejected++;
                    tally.errors++;
                    lines.add(new ContactImportRowError(row.row(), emailColumn, "The address "
                            + checked.row().address().display() + " is in the file already, in an earlier row; this "
                            + "row is skipped"));
                } else {
                    batch.add(checked.row());
                    batchRows.add(row.row());
                }
                tally.lastRow = row.row();
                if (batch.size() + lines.size() >= BATCH) {
                    tally.bytesDone = Math.min(started.fileSize(), file.bytesRead());
                    transactions.executeWithoutResult(tx -> {
                        write(started, consent, batch, batchRows, tally, lines);
                        ledger.checkpoint(started, tally, lines);
                    });
                    batch.clear();
                    batchRows.clear();
                    lines.clear();
                }
            }
        }
        transactions.executeWithoutResult(tx -> {
            write(started, consent, batch, batchRows, tally, lines);
            ledger.finish(started, tally, lines);
        });
    }

    /** Writes the batch in the caller's transaction and counts what became of each row. */
    private void write(ContactImportLedger.Started started, ContactConsent consent, List<ContactBatches.Row> batch,
            List<Long> batchRows, ContactImportTally tally, List<ContactImportRowError> lines) {
        if (batch.isEmpty()) {
            return;
        }
        List<ContactBatches.Result> results = batches.write(batch, consent, started.existing(), started.listId());
        for (int i = 0; i < results.size(); i++) {
            ContactBatches.Result result = results.get(i);
            switch (result.outcome()) {
                case ADDED -> tally.added++;
                case UPDATED -> tally.updated++;
                case UNCHANGED -> tally.skipped++;
                case SUPPRESSED_KEPT -> tally.suppressed++;
                case REJECTED -> {
                    tally.rejected++;
                    tally.errors++;
                    lines.add(new ContactImportRowError(batchRows.get(i), null, result.problem()));
                }
            }
        }
    }
}

package io.flightdeck.email.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactBatches;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An import's bookkeeping, each step its own short transaction unless it says otherwise: started with its job, begun,
 * checkpointed with each batch (in the batch's transaction), ended (its file forgotten with it).
 */
@Component
class ContactImportLedger {

    /** The error report keeps this many lines; the import's error count has them all. */
    static final int MAX_STORED_ERRORS = 1_000;

    /** What a run needs to know about its import. */
    record Started(UUID id, int attempt, long fileSize, List<String> header, List<ContactImportColumn> mapping,
            String consentEvidence, UUID listId, ContactBatches.Existing existing, UUID createdBy,
            ContactImportTally tally) {
    }

    /** Another run of the same import began after this one: this run's transaction rolls back and it stops. */
    static final class Overtaken extends RuntimeException {

        Overtaken(UUID id) {
            super("A later run of contact import " + id + " has taken over", null, false, false);
        }
    }

    private final ContactImportRepository imports;
    private final ContactImportErrorRepository errors;
    private final ImportFileChunks chunks;
    private final Jobs jobs;
    private final Clock clock;

    ContactImportLedger(ContactImportRepository imports, ContactImportErrorRepository errors, ImportFileChunks chunks,
            Jobs jobs, Clock clock) {
        this.imports = imports;
        this.errors = errors;
        this.chunks = chunks;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Queues the started import's job in the transaction that started it: neither exists without the other. */
    @Transactional(propagation = Propagation.MANDATORY)
    void queue(ContactImport started) {
        jobs.schedule(ContactImportJob.KIND, TenantScope.require(), started.getId(), clock.instant());
    }

    /** Null when there is nothing to run: the import is gone, not started, or finished (a job delivered twice). */
    @Transactional
    Started begin(UUID id) {
        ContactImport run = imports.findById(id).orElse(null);
        if (run == null || !ContactImportMove.BEGIN.allowedFrom(run.status())) {
            return null;
        }
        run.begin(clock.instant());
        imports.flush();
        ContactImportTally tally = run.tally(errors.countByImportId(id));
        return new Started(id, run.attempts(), run.fileSize(), List.copyOf(run.header()), List.copyOf(run.mapping()),
                run.consentEvidence(), run.listId(), run.existing(), run.createdBy(), tally);
    }

    /** A batch's counters and error lines, in the batch's transaction, so a rerun resumes exactly after it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void checkpoint(Started run, ContactImportTally tally, List<ContactImportRowError> lines) {
        if (imports.progress(run.id(), run.attempt(), tally) == 0) {
            throw new Overtaken(run.id());
        }
        store(run.id(), tally, lines);
    }

    /** The end of a run that read the whole file, in the transaction of its last batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    void finish(Started started, ContactImportTally tally, List<ContactImportRowError> lines) {
        ContactImport run = imports.findById(started.id()).orElseThrow(() -> new Overtaken(started.id()));
        if (run.attempts() != started.attempt()) {
            throw new Overtaken(started.id());
        }
        store(started.id(), tally, lines);
        run.finish(tally, clock.instant());
        chunks.delete(started.id());
        imports.saveAndFlush(run);
    }

    /** The run cannot go on: the file is not readable from some row, or the job gave up. Committed rows stay. */
    @Transactional
    void fail(UUID id, String why, ContactImportRowError line) {
        ContactImport run = imports.findById(id).orElse(null);
        if (run == null || !ContactImportMove.FAIL.allowedFrom(run.status())) {
            return; // ended already (or never started): the failure of a run that is over changes nothing
        }
        ContactImportTally tally = run.tally(errors.countByImportId(id));
        if (line != null) {
            tally.errors++;
            store(id, tally, List.of(line));
        }
        run.fail(tally, why, clock.instant());
        chunks.delete(id);
        imports.saveAndFlush(run);
    }

    /** Keeps error lines up to the report's cap; the tally's error count already has them all. */
    private void store(UUID id, ContactImportTally tally, List<ContactImportRowError> lines) {
        int room = (int) Math.max(0, MAX_STORED_ERRORS - tally.storedErrors);
        List<ContactImportRowError> kept = lines.size() > room ? lines.subList(0, room) : lines;
        List<ContactImportError> rows = new ArrayList<>(kept.size());
        for (ContactImportRowError line : kept) {
            rows.add(new ContactImportError(id, (int) ++tally.storedErrors, line));
        }
        errors.saveAll(rows);
    }
}

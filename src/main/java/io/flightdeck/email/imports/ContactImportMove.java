package io.flightdeck.email.imports;

import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.shared.StateMove;

import static io.flightdeck.email.imports.ContactImportStatus.QUEUED;
import static io.flightdeck.email.imports.ContactImportStatus.RUNNING;
import static io.flightdeck.email.imports.ContactImportStatus.UPLOADED;

/**
 * A contact import's state machine. A person starts an uploaded file, once; the job's moves take it through its runs
 * (a retry or a rerun after a crash begins again where the last committed row ended) and are never offered to a
 * client. A job delivered after its import ended finds nothing to begin and leaves it as it is.
 */
enum ContactImportMove implements StateMove<ContactImportStatus> {
    START(EnumSet.of(UPLOADED), null),
    // the job's
    BEGIN(EnumSet.of(QUEUED, RUNNING), "begin a run of"),
    FINISH(EnumSet.of(RUNNING), "finish"),
    FAIL(EnumSet.of(QUEUED, RUNNING), "fail");

    private final Set<ContactImportStatus> from;
    /** The job's moves say what they are in a sentence; the person's is named by its endpoint. */
    private final String jobWords;

    ContactImportMove(Set<ContactImportStatus> from, String jobWords) {
        this.from = from;
        this.jobWords = jobWords;
    }

    @Override
    public boolean allowedFrom(ContactImportStatus status) {
        return from.contains(status);
    }

    @Override
    public boolean offered() {
        return jobWords == null;
    }

    @Override
    public String inWords() {
        return jobWords != null ? jobWords : StateMove.super.inWords();
    }

    void requireFrom(ContactImportStatus status) {
        requireFrom(status, "contact import");
    }
}

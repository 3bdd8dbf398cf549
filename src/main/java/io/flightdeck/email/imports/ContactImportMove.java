package io.flightdeck.email.imports;

import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

import static io.flightdeck.email.imports.ContactImportStatus.QUEUED;
import static io.flightdeck.email.imports.ContactImportStatus.RUNNING;
import static io.flightdeck.email.imports.ContactImportStatus.UPLOADED;

/**
 * A contact import's state machine. A person starts an uploaded file, once; the job's moves take it through its runs
 * (a retry or a rerun after a crash begins again where the last committed row ended) and are never offered to a
 * client. A job delivered after its import ended finds nothing to begin and leaves it as it is.
 */
enum ContactImportMove implements RuledMove<ContactImportStatus> {
    START(MoveRule.of(UPLOADED)),
    // the job's
    BEGIN(MoveRule.system("begin a run of", QUEUED, RUNNING)),
    FINISH(MoveRule.system("finish", RUNNING)),
    FAIL(MoveRule.system("fail", QUEUED, RUNNING));

    private final MoveRule<ContactImportStatus> rule;

    ContactImportMove(MoveRule<ContactImportStatus> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<ContactImportStatus> rule() {
        return rule;
    }

    void requireFrom(ContactImportStatus status) {
        requireFrom(status, "contact import");
    }
}

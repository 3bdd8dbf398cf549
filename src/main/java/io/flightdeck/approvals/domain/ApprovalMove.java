package io.flightdeck.approvals.domain;

import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.shared.StateMove;

/**
 * What people may do to an approval, by state: approve or reject while it waits for votes, ask for another review once
 * rejected. A cascade (something the approval depends on changed) sends it back to review from any state; that is the
 * system's doing, not a move anyone asks for.
 */
enum ApprovalMove implements StateMove<ApprovalState> {
    APPROVE(EnumSet.of(ApprovalState.PENDING, ApprovalState.NEEDS_REVIEW)),
    REJECT(EnumSet.of(ApprovalState.PENDING, ApprovalState.NEEDS_REVIEW)),
    REQUEST_REVIEW(EnumSet.of(ApprovalState.REJECTED));

    private final Set<ApprovalState> from;

    ApprovalMove(Set<ApprovalState> from) {
        this.from = from;
    }

    @Override
    public boolean allowedFrom(ApprovalState state) {
        return from.contains(state);
    }

    @Override
    public String inWords() {
        return this == REQUEST_REVIEW ? "request review of" : StateMove.super.inWords();
    }

    /** Refuses the move unless the approval's state allows it. */
    void requireFrom(ApprovalState state) {
        requireFrom(state, "approval");
    }
}

package io.flightdeck.approvals.domain;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.shared.MoveRule;
import io.flightdeck.shared.RuledMove;

/**
 * What people may do to an approval, by state: approve or reject while it waits for votes, ask for another review once
 * rejected. A cascade (something the approval depends on changed) sends it back to review from any state; that is the
 * system's doing, not a move anyone asks for.
 */
enum ApprovalMove implements RuledMove<ApprovalState> {
    APPROVE(MoveRule.of(ApprovalState.PENDING, ApprovalState.NEEDS_REVIEW)),
    REJECT(MoveRule.of(ApprovalState.PENDING, ApprovalState.NEEDS_REVIEW)),
    REQUEST_REVIEW(MoveRule.said("request review of", ApprovalState.REJECTED));

    private final MoveRule<ApprovalState> rule;

    ApprovalMove(MoveRule<ApprovalState> rule) {
        this.rule = rule;
    }

    @Override
    public MoveRule<ApprovalState> rule() {
        return rule;
    }

    /** Refuses the move unless the approval's state allows it. */
    void requireFrom(ApprovalState state) {
        requireFrom(state, "approval");
    }
}

package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.shared.ConflictException;

/** A 409 for a move the approval state machine does not allow, naming what is allowed instead. */
class IllegalApprovalTransition extends ConflictException {

    IllegalApprovalTransition(ApprovalState state, String action) {
        super("illegal-approval-transition", "Cannot " + action + " an approval that is " + state.label().toLowerCase(),
                Map.of("currentState", state, "allowedActions", allowed(state)));
    }

    static List<String> allowed(ApprovalState state) {
        return switch (state) {
            case PENDING, NEEDS_REVIEW -> List.of("approve", "reject");
            case REJECTED -> List.of("request-review");
            case APPROVED -> List.of();
        };
    }
}

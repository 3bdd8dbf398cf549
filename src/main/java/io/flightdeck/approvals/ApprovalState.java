package io.flightdeck.approvals;

/**
 * Where a scope or item stands. pending → approved | rejected (with a reason); any → needs_review when something it
 * depends on changes; rejected → needs_review when the requester has addressed the feedback; needs_review → approved
 * (or rejected again).
 */
public enum ApprovalState {
    PENDING, APPROVED, REJECTED, NEEDS_REVIEW;

    public boolean open() {
        return this == PENDING || this == NEEDS_REVIEW;
    }

    public String label() {
        return switch (this) {
            case PENDING -> "Pending";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case NEEDS_REVIEW -> "Needs review";
        };
    }
}

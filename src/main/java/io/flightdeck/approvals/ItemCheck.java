package io.flightdeck.approvals;

import java.util.UUID;

/**
 * Where one revision of a submitted item stands.
 *
 * @param approvalId    the item's approval; null when the item was never submitted
 * @param state         the approval's state now (for the revision under review, which may be newer than the one asked)
 * @param approved      whether the revision asked about was approved (now or in an earlier cycle)
 * @param scopeRequired whether the workspace has the item's scope switched on; when not, nothing needs approving
 */
public record ItemCheck(UUID approvalId, ApprovalState state, boolean approved, boolean scopeRequired) {

    /** Whether the revision may go out: approved, or its scope is switched off. */
    public boolean passes() {
        return approved || !scopeRequired;
    }
}

package io.flightdeck.approvals;

import java.util.Optional;
import java.util.UUID;

/** Who an approval concerns, for notifications: its requester and who may act on its current stage now. */
public interface ApprovalAudience {

    /** An approval of the current workspace. */
    Optional<ApprovalPeople> of(UUID approvalId);
}

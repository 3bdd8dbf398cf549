package io.flightdeck.approvals;

import java.util.Optional;
import java.util.UUID;

/** How other modules send single items for review and read where they stand. Listen to {@link ApprovalDecided}. */
public interface ApprovalItems {

    /** Opens (or reopens, after a change) the item's approval and returns its id. */
    UUID submit(ItemSubmission submission);

    Optional<ApprovalState> stateOf(String itemType, UUID itemId);
}

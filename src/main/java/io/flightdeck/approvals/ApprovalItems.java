package io.flightdeck.approvals;

import java.util.Optional;
import java.util.UUID;

/** How other modules send single items for review and read where they stand. Listen to {@link ApprovalDecided}. */
public interface ApprovalItems {

    /** Opens (or reopens, after a change) the item's approval and returns its id. */
    UUID submit(ItemSubmission submission);

    Optional<ApprovalState> stateOf(String itemType, UUID itemId);

    /** Whether the workspace has this scope switched on (a switched-off scope approves nothing and blocks nothing). */
    boolean scopeEnabled(String scopeKey);

    /**
     * Whether this revision of the item was approved in its scope. An item never submitted is not approved; a revision
     * approved once stays approved when a newer one goes to review.
     */
    ItemCheck check(String scopeKey, String itemType, UUID itemId, Integer revision);

}

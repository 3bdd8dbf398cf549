package io.flightdeck.approvals;

import java.time.Instant;
import java.util.UUID;

/**
 * An approval that waits for the signed-in member's decision, as other modules rank it among the member's work.
 *
 * @param title     what is to be approved, in the requester's words
 * @param scopeName the scope it is approved in (Strategy, Content, ...)
 * @param dueAt     when the decision is due, or null
 * @param overdue   past its due time
 */
public record WaitingApproval(UUID approvalId, UUID campaignId, String title, String scopeName, Instant dueAt,
        boolean overdue) {

    /** The approval's page, where it is decided. */
    public String link() {
        return "/approvals/" + approvalId;
    }
}

package io.flightdeck.approvals;

import java.util.List;

/** What waits for the signed-in member's decision, for other modules (guidance's home section ranks it). */
public interface ApprovalQueue {

    /** Up to {@code limit} approvals routed to the signed-in member, overdue first, as the inbox orders them. */
    List<WaitingApproval> waitingForMe(int limit);
}

package io.flightdeck.approvals;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Decisions taken outside the web pages (a button in Slack), by the same rules as the web: routing, delegation, no
 * self-approval, the state machine; the current actor decides. Each decision names the round it was taken against,
 * so a click on a message about an earlier version or stage is refused instead of deciding something else.
 */
public interface ApprovalDecisions {

    enum Decision { APPROVE, REQUEST_CHANGES, REJECT }

    /**
     * What an approval asks now, for a message about it.
     *
     * @param round       names the cycle (a new version of the subject starts one) and the stage: {@code 2.0}
     * @param revision    the subject's revision under review (a creative's version), or null
     * @param requesterId who asked
     * @param about       what is under review, in the words of the module that submitted it (an email's subject,
     *                    sender and audience), so a message shows the thing itself; null when it says nothing more
     */
    record Round(UUID approvalId, String round, String title, String stage, Integer revision, Instant dueAt,
            UUID requesterId, boolean open, String about) {
    }

    /** The current workspace's approval's round; empty when there is no such approval. */
    Optional<Round> round(UUID approvalId);

    /**
     * Decides as the current actor. Refused with a {@code ConflictException} (slug {@code approval-moved-on}) when
     * the approval is in another round now, and as the web refuses otherwise.
     *
     * @param text the comment (approve), the reason (reject) or the change asked for (request changes)
     * @return the approval's state after the decision
     */
    ApprovalState decide(UUID approvalId, String round, Decision decision, String text);
}

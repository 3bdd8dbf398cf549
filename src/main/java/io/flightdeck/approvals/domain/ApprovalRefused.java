package io.flightdeck.approvals.domain;

import org.springframework.security.access.AccessDeniedException;

/**
 * A member's role would allow the action, but an approvals rule refuses it to them (403 with the rule's slug and the
 * reason): the requester approving their own request under separation of duties, or a member who approves nothing
 * setting up a delegation.
 */
public class ApprovalRefused extends AccessDeniedException {

    private final String slug;
    private final String title;

    private ApprovalRefused(String slug, String title, String reason) {
        super(reason);
        this.slug = slug;
        this.title = title;
    }

    static ApprovalRefused ownRequest() {
        return new ApprovalRefused("separation-of-duties", "Separation of duties",
                "You requested this review, so someone else approves it: the workspace separates duties "
                        + "(a manager can change this in the approval settings)");
    }

    static ApprovalRefused nothingToDelegate() {
        return new ApprovalRefused("nothing-to-delegate", "Nothing to delegate",
                "No approval stage is routed to you, so you have nothing to delegate");
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}

package io.flightdeck.approvals.domain;

import java.util.List;

/** What an external reviewer sees through their link: the approval, what it is about, its comments, and whether they may decide. */
public record ExternalReview(String campaignName, String reviewerName, boolean canApprove, boolean mayDecideNow,
        ApprovalView approval, List<CommentView> comments,
        ApprovalSubjectView subject) {
}

package io.flightdeck.publishing.posts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.ItemCheck;
import io.flightdeck.approvals.ItemSubmission;
import org.springframework.stereotype.Component;

/**
 * What an approver saw of one post: the creative revision it carries (the content scope) and the post itself, its
 * accounts, times, copy and media (the schedule scope, one item per post with a revision a person's change moves on).
 * A post goes out only when both are approved, for the scopes the workspace has switched on; any other post of the
 * campaign is not held by this one's review.
 */
@Component
class PostReviews {

    static final String CONTENT_SCOPE = "content";
    static final String SCHEDULE_SCOPE = "schedule";
    static final String CREATIVE_ITEM = "creative";
    static final String POST_ITEM = "social-post";

    private final ApprovalItems approvals;

    PostReviews(ApprovalItems approvals) {
        this.approvals = approvals;
    }

    /** Sends the post's current revision to the schedule review (when the workspace reviews schedules). */
    void submit(SocialPost post, List<String> channelLabels) {
        if (!approvals.scopeEnabled(SCHEDULE_SCOPE)) {
            return;
        }
        String where = channelLabels.isEmpty() ? "" : " on " + String.join(", ", channelLabels);
        approvals.submit(new ItemSubmission(post.getCampaignId(), SCHEDULE_SCOPE, POST_ITEM, post.getId(),
                "Post “" + post.getTitle() + "”" + where, null, null, post.getRevision()));
    }

    /** What holds one channel's post in review; empty when its creative revision and the post itself are approved. */
    List<PostBlocker> blockers(ChannelPost channelPost, SocialPost post) {
        List<PostBlocker> blockers = new ArrayList<>();
        if (channelPost.getCopy().creativeId() != null) {
            ItemCheck content = approvals.check(CONTENT_SCOPE, CREATIVE_ITEM, channelPost.getCopy().creativeId(),
                    channelPost.getCopy().creativeRevision());
            if (!content.passes()) {
                blockers.add(new PostBlocker("content-review:" + channelPost.getCopy().creativeId(),
                        contentMessage(content, post.getTitle(), channelPost.getCopy().creativeRevision()),
                        link(content.approvalId(), "/creatives/" + channelPost.getCopy().creativeId())));
            }
        }
        if (post != null) {
            ItemCheck schedule = approvals.check(SCHEDULE_SCOPE, POST_ITEM, post.getId(), post.getRevision());
            if (!schedule.passes()) {
                blockers.add(new PostBlocker("schedule-review:" + post.getId(), scheduleMessage(schedule),
                        link(schedule.approvalId(), "/campaigns/" + post.getCampaignId() + "/tabs/approvals")));
            }
        }
        return blockers;
    }

    private static String contentMessage(ItemCheck check, String title, Integer revision) {
        String what = "The copy this post carries" + (revision == null ? "" : " (version " + revision + ")");
        if (check.state() == null) {
            return what + " was never sent for content review.";
        }
        return switch (check.state()) {
            case REJECTED -> what + " was sent back with changes requested.";
            case APPROVED -> what + " is not the approved one: a newer version of the creative was approved.";
            default -> what + " waits for content approval.";
        };
    }

    private static String scheduleMessage(ItemCheck check) {
        if (check.state() == null) {
            return "The post was never sent for schedule review.";
        }
        return check.state() == ApprovalState.REJECTED ? "The post was sent back from schedule review with changes requested."
                : check.state() == ApprovalState.APPROVED ? "The post changed after its schedule was approved; the change waits for approval."
                : "The post waits for schedule approval (account, time, copy and media).";
    }

    private static String link(UUID approvalId, String otherwise) {
        return approvalId == null ? otherwise : "/approvals/" + approvalId;
    }
}

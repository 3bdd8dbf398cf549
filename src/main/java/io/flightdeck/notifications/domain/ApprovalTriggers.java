package io.flightdeck.notifications.domain;

import io.flightdeck.approvals.ApprovalCommentPosted;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** Approvals' events as notifications: members @mentioned in a review comment hear of it. */
@Component
class ApprovalTriggers {

    private final Notifier notifier;
    private final MemberDirectory members;
    private final CampaignDirectory campaigns;

    ApprovalTriggers(Notifier notifier, MemberDirectory members, CampaignDirectory campaigns) {
        this.notifier = notifier;
        this.members = members;
        this.campaigns = campaigns;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalCommentPosted event) {
        if (event.mentionedUserIds() == null || event.mentionedUserIds().isEmpty()) {
            return;
        }
        TenantScope.run(event.workspaceId(), () -> {
            String author = members.find(event.authorId()).map(MemberSummary::displayName).orElse("Someone");
            String campaign = campaigns.find(event.campaignId()).map(CampaignSnapshot::name).orElse("a campaign");
            OncePerEvent.notify(notifier, NotificationDraft.of("approval-comment:" + event.commentId(),
                    NotificationTrigger.COMMENT_MENTION, author + " mentioned you in a review of " + campaign,
                    "/approvals/" + event.approvalId(), "You were @mentioned in a comment",
                    "approval", event.approvalId(), event.campaignId(), event.authorId()), event.mentionedUserIds());
        });
    }
}

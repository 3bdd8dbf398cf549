package io.flightdeck.publishing.posts;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.campaigns.CampaignCancelled;
import io.flightdeck.campaigns.CampaignCompleted;
import io.flightdeck.campaigns.CampaignLaunched;
import io.flightdeck.campaigns.CampaignResumed;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Campaign and approval events reach the scheduler through the publication registry, so a crash between the change
 * and this reaction is retried. Each reaction is idempotent: waking a post twice, or re-planning a post no longer
 * overdue, changes nothing.
 */
@Component
class CampaignPostEvents {

    private final CampaignPosts posts;

    CampaignPostEvents(CampaignPosts posts) {
        this.posts = posts;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignLaunched event) {
        TenantScope.run(event.workspaceId(), () -> posts.wakeWaiting(event.campaignId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignResumed event) {
        TenantScope.run(event.workspaceId(), () -> posts.replanOverdue(event.campaignId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalDecided event) {
        // a scope, a creative revision or a post approved: the campaign's waiting posts look at their blockers again
        if (event.state() == ApprovalState.APPROVED) {
            TenantScope.run(event.workspaceId(), () -> posts.wakeWaiting(event.campaignId()));
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignCompleted event) {
        TenantScope.run(event.workspaceId(), () -> posts.cancelUnsent(event.campaignId(), "The campaign completed"));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignCancelled event) {
        TenantScope.run(event.workspaceId(), () -> posts.cancelUnsent(event.campaignId(), "The campaign was cancelled"));
    }
}

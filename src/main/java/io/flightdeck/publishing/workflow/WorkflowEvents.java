package io.flightdeck.publishing.workflow;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.campaigns.CampaignCancelled;
import io.flightdeck.campaigns.CampaignCompleted;
import io.flightdeck.campaigns.CampaignLaunched;
import io.flightdeck.campaigns.CampaignPaused;
import io.flightdeck.campaigns.CampaignResumed;
import io.flightdeck.publishing.PostFailed;
import io.flightdeck.publishing.PostPublished;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The campaign's life drives its workflow, through the publication registry (a crash between the change and this
 * reaction is retried): launch starts it, pause holds it, resume goes on, completion or cancellation finishes it, an
 * approval lets a waiting validation look again, and a post that went out or failed lets the publish step count again
 * now rather than at its next look a minute later. Each reaction is idempotent.
 */
@Component
class WorkflowEvents {

    private final CampaignWorkflows workflows;

    WorkflowEvents(CampaignWorkflows workflows) {
        this.workflows = workflows;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignLaunched event) {
        TenantScope.run(event.workspaceId(), () -> workflows.start(event.campaignId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignPaused event) {
        TenantScope.run(event.workspaceId(), () -> workflows.pause(event.campaignId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignResumed event) {
        TenantScope.run(event.workspaceId(), () -> workflows.resume(event.campaignId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalDecided event) {
        if (event.itemId() == null) {
            TenantScope.run(event.workspaceId(), () -> workflows.wake(event.campaignId()));
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PostPublished event) {
        if (event.campaignId() != null) {
            TenantScope.run(event.workspaceId(), () -> workflows.wake(event.campaignId()));
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PostFailed event) {
        if (event.campaignId() != null) {
            TenantScope.run(event.workspaceId(), () -> workflows.wake(event.campaignId()));
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignCompleted event) {
        TenantScope.run(event.workspaceId(), () -> workflows.complete(event.campaignId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignCancelled event) {
        TenantScope.run(event.workspaceId(), () -> workflows.complete(event.campaignId()));
    }
}

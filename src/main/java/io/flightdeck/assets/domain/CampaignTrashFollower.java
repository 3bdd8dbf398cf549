package io.flightdeck.assets.domain;

import io.flightdeck.campaigns.CampaignDeleted;
import io.flightdeck.campaigns.CampaignRestored;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A campaign moved to the trash takes its spaces out of the workspace's space lists, and brings them back when it is
 * restored. Through the publication registry, so a crash between the campaign's commit and this is retried; the scope
 * opens before the transaction does (see docs/development.md).
 */
@Component
class CampaignTrashFollower {

    private final CampaignSpaces spaces;

    CampaignTrashFollower(CampaignSpaces spaces) {
        this.spaces = spaces;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignDeleted event) {
        TenantScope.run(event.workspaceId(), () -> spaces.followCampaignTrash(event.campaignId()));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignRestored event) {
        TenantScope.run(event.workspaceId(), () -> spaces.followCampaignTrash(event.campaignId()));
    }
}

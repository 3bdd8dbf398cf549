package io.flightdeck.guidance.outcomes;

import io.flightdeck.campaigns.CampaignCompleted;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A completed campaign is scored as the event arrives through the publication registry, so a crash between the
 * completion's commit and the scoring is retried; scoring again changes nothing (one outcome per campaign). The
 * scope opens before the scoring's transaction does (see docs/development.md).
 */
@Component
class CampaignCompletion {

    private static final Logger log = LoggerFactory.getLogger(CampaignCompletion.class);

    private final OutcomeScoring scoring;

    CampaignCompletion(OutcomeScoring scoring) {
        this.scoring = scoring;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignCompleted event) {
        Boolean met = TenantScope.call(event.workspaceId(), () -> scoring.score(event.campaignId(), event.at()));
        log.debug("Campaign {} completed; met its objective: {}", event.campaignId(), met);
    }
}

package io.flightdeck.guidance.strategy;

import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.content.PastResults;
import io.flightdeck.content.WhatWorkedBefore;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Gives content's strategy drafts what worked in the workspace's past campaigns, the same evidence the API's
 * {@code generate-strategy} is given, so the strategy page's draft and the API's are written from the same facts.
 */
@Component
class WhatWorkedForDrafts implements WhatWorkedBefore {

    private final CampaignDirectory campaigns;
    private final WhatWorked whatWorked;

    WhatWorkedForDrafts(CampaignDirectory campaigns, WhatWorked whatWorked) {
        this.campaigns = campaigns;
        this.whatWorked = whatWorked;
    }

    @Override
    public PastResults forCampaign(UUID campaignId) {
        return StrategyGeneration.pastResults(whatWorked.forCampaign(campaigns.find(campaignId)
                .orElseThrow(() -> new NotFoundException("The campaign"))));
    }
}

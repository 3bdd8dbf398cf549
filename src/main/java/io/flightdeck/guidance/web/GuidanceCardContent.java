package io.flightdeck.guidance.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPanelContent;
import io.flightdeck.guidance.blockers.Blocker;
import io.flightdeck.guidance.blockers.BlockerSeverity;
import io.flightdeck.guidance.blockers.CampaignBlockers;
import io.flightdeck.guidance.web.GuidancePagesController.BlockerCard;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * What the guidance card shows, for the overview's own request and for the card's reloads. In the overview's request
 * the blockers come from the readiness items the readiness card has just read, so the checks run once per page view.
 */
@Component
class GuidanceCardContent implements CampaignPanelContent {

    static final String TEMPLATE = "guidance/fragments/panel";
    static final String FRAGMENT = "panel";

    private final CampaignBlockers blockers;

    GuidanceCardContent(CampaignBlockers blockers) {
        this.blockers = blockers;
    }

    @Override
    public String panelKey() {
        return GuidancePagesConfiguration.PANEL_KEY;
    }

    @Override
    public String template() {
        return TEMPLATE;
    }

    @Override
    public String fragment() {
        return FRAGMENT;
    }

    @Override
    public Map<String, Object> model(UUID campaignId) {
        List<Blocker> found = blockers.blockers(campaignId);
        return Map.of("campaignId", campaignId,
                "cards", found.stream().map(b -> BlockerCard.of(b, campaignId)).toList(),
                "blocking", count(found, BlockerSeverity.BLOCKING),
                "warnings", count(found, BlockerSeverity.WARNING),
                "toDo", count(found, BlockerSeverity.INFO),
                // a viewer changes nothing, so the card tells them what clears each blocker without sending them to it
                "canFix", CurrentActor.require().role() != Role.VIEWER);
    }

    private static long count(List<Blocker> list, BlockerSeverity severity) {
        return list.stream().filter(b -> b.severity() == severity).count();
    }
}

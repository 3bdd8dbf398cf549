package io.flightdeck.strategy.domain;

import java.util.List;
import java.util.Optional;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template carries the campaign's current strategy version (an invalidated one is not worth repeating); the new
 * campaign gets it as its version 1, for its own review.
 */
@Component
class StrategyTemplateSection implements CampaignTemplateSection {

    private final StrategyVersionRepository versions;
    private final Strategies strategies;
    private final JsonMapper json;

    StrategyTemplateSection(StrategyVersionRepository versions, Strategies strategies, JsonMapper json) {
        this.versions = versions;
        this.strategies = strategies;
        this.json = json;
    }

    @Override
    public TemplatePart part() {
        return TemplatePart.STRATEGY;
    }

    @Override
    public Optional<Captured> capture(CampaignSnapshot campaign) {
        return versions.findFirstByCampaignIdOrderByNumberDesc(campaign.id()).filter(StrategyVersion::isCurrent)
                .map(v -> new Captured(json.valueToTree(v.details()), "Version " + v.getNumber() + ": "
                        + v.details().goals().size() + " goals, " + v.details().platforms().size() + " platforms"));
    }

    @Override
    public List<String> apply(CampaignSnapshot campaign, JsonNode captured, TemplateCopy copy) {
        strategies.saveFirst(campaign.id(), json.treeToValue(captured, StrategyDetails.class));
        return List.of();
    }
}

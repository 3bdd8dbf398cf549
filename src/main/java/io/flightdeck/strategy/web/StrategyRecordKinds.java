package io.flightdeck.strategy.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import io.flightdeck.strategy.domain.Strategies;
import io.flightdeck.strategy.domain.Strategies.StrategyVersionPlace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit log names a strategy version, its fields, and where it is read. */
@Configuration(proxyBeanMethods = false)
class StrategyRecordKinds {

    @Bean
    RecordKind strategyVersionKind(Strategies strategies, CampaignDirectory campaigns) {
        return RecordKind.of("StrategyVersion", "Strategy", Map.ofEntries(
                Map.entry("number", "Version"), Map.entry("adsConfig", "Ads"), Map.entry("constraints", "Constraints"),
                Map.entry("invalidatedAt", "Invalidated at"), Map.entry("invalidatedBy", "Invalidated by"),
                Map.entry("invalidationReason", "Reason"), Map.entry("campaignId", "Campaign")),
                ids -> links(strategies.places(ids), campaigns))
                .withReferences(Map.of("campaignId", "Campaign"));
    }

    private static Map<UUID, RecordLink> links(Map<UUID, StrategyVersionPlace> places, CampaignDirectory campaigns) {
        Map<UUID, CampaignSnapshot> named = campaigns.findAll(places.values().stream().map(StrategyVersionPlace::campaignId).toList());
        Map<UUID, RecordLink> links = new HashMap<>();
        places.forEach((id, place) -> {
            CampaignSnapshot campaign = named.get(place.campaignId());
            String title = "Version " + place.version() + (campaign == null ? "" : " of " + campaign.name());
            links.put(id, new RecordLink(title, "/campaigns/" + place.campaignId() + "/strategy/versions/" + place.version()));
        });
        return links;
    }

}

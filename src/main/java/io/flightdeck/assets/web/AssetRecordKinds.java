package io.flightdeck.assets.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit log names a campaign space and its fields, with a link to the space's page. */
@Configuration(proxyBeanMethods = false)
class AssetRecordKinds {

    @Bean
    RecordKind campaignSpaceKind(CampaignSpaces spaces) {
        return RecordKind.of("CampaignSpace", "Campaign space", Map.ofEntries(
                Map.entry("campaignId", "Campaign"), Map.entry("externalCampaignId", "Platform campaign id"),
                Map.entry("budgetAmount", "Budget"), Map.entry("budgetCurrency", "Currency"),
                Map.entry("importSource", "Import source"), Map.entry("importedAt", "Imported at"),
                Map.entry("archivedAt", "Archived at"), Map.entry("template", "Template"),
                Map.entry("totalImpressions", "Impressions"), Map.entry("totalClicks", "Clicks"),
                Map.entry("totalConversions", "Conversions"), Map.entry("totalSpend", "Spend"),
                Map.entry("performanceSyncedAt", "Performance synced at"), Map.entry("assetCount", "Asset count"),
                Map.entry("totalAssetSizeBytes", "Total asset size (bytes)")),
                ids -> {
                    Map<UUID, RecordLink> links = new HashMap<>();
                    spaces.findAll(ids).forEach((id, s) -> links.put(id, new RecordLink(s.name(), "/spaces/" + id)));
                    return links;
                })
                .withReferences(Map.of("campaignId", "Campaign"));
    }
}

package io.flightdeck.assets.web;

import java.util.Map;

import io.flightdeck.shared.web.RecordKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit log names a campaign space and its fields. Spaces have no page yet, so entries show without a link. */
@Configuration(proxyBeanMethods = false)
class AssetRecordKinds {

    @Bean
    RecordKind campaignSpaceKind() {
        return RecordKind.of("CampaignSpace", "Campaign space", Map.ofEntries(
                Map.entry("campaignId", "Campaign"), Map.entry("externalCampaignId", "Platform campaign id"),
                Map.entry("budgetAmount", "Budget"), Map.entry("budgetCurrency", "Currency"),
                Map.entry("importSource", "Import source"), Map.entry("importedAt", "Imported at"),
                Map.entry("archivedAt", "Archived at"), Map.entry("template", "Template"),
                Map.entry("totalImpressions", "Impressions"), Map.entry("totalClicks", "Clicks"),
                Map.entry("totalConversions", "Conversions"), Map.entry("totalSpend", "Spend"),
                Map.entry("performanceSyncedAt", "Performance synced at"), Map.entry("assetCount", "Asset count"),
                Map.entry("totalAssetSizeBytes", "Total asset size (bytes)")),
                ids -> Map.of())
                .withReferences(Map.of("campaignId", "Campaign"));
    }
}

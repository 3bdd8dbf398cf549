package io.flightdeck.assets.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit log names the module's records and their fields, with links to the pages of spaces and assets. */
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

    @Bean
    RecordKind assetKind(AssetLookup lookup) {
        return RecordKind.of("Asset", "Asset", Map.ofEntries(
                Map.entry("adCopy", "Ad copy"), Map.entry("ctaText", "Call to action"),
                Map.entry("externalAssetId", "Platform asset id"), Map.entry("rightsHolder", "Rights holder"),
                Map.entry("rightsExpireOn", "Rights end on"), Map.entry("allowedChannels", "Channels the licence allows"),
                Map.entry("archivedAt", "Archived at"), Map.entry("reusedCount", "Times reused"),
                Map.entry("lastReusedAt", "Last reused at"), Map.entry("campaignId", "Campaign"),
                Map.entry("spaceId", "Campaign space"), Map.entry("content", "File"), Map.entry("type", "Type"),
                Map.entry("importSource", "Import source"), Map.entry("platformMetadata", "Platform data"),
                Map.entry("platformVariants", "Platform variants"), Map.entry("uploadedBy", "Uploaded by")),
                ids -> {
                    Map<UUID, RecordLink> links = new HashMap<>();
                    lookup.names(ids).forEach((id, name) -> links.put(id, new RecordLink(name, "/assets/" + id)));
                    return links;
                })
                .withReferences(Map.of("campaignId", "Campaign", "spaceId", "CampaignSpace"));
    }

    @Bean
    RecordKind assetUseKind() {
        return RecordKind.of("AssetUse", "Asset use", Map.of("assetId", "Asset", "campaignId", "Campaign",
                "spaceId", "Campaign space", "usedBy", "Used by", "usedAt", "Used at", "context", "Context"), ids -> Map.of())
                .withReferences(Map.of("assetId", "Asset", "campaignId", "Campaign", "spaceId", "CampaignSpace"));
    }

    @Bean
    RecordKind similarPairKind() {
        return RecordKind.of("SimilarPair", "Near-duplicate pair", Map.of("distance", "Bits apart",
                "dismissedAt", "Marked not a duplicate at", "dismissedBy", "Marked not a duplicate by"), ids -> Map.of());
    }

    @Bean
    RecordKind assetSettingsKind() {
        return RecordKind.of("AssetSettings", "Asset settings", Map.of("maxUploadBytes", "Upload limit (bytes)",
                "similarityThreshold", "Near-duplicate threshold (bits)"), ids -> Map.of());
    }
}

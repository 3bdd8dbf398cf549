package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import org.jspecify.annotations.Nullable;

/**
 * An asset as the API answers it. {@code file} is null for copy; {@code campaignId} and {@code spaceId} say where it
 * was first added (every use, reuses included, is in its use history).
 */
public record AssetView(UUID id, String name, AssetType type, @Nullable AssetFileView file, @Nullable UUID campaignId,
        @Nullable UUID spaceId, @Nullable String externalAssetId, @Nullable String title, @Nullable String description,
        @Nullable String adCopy, @Nullable String headline, @Nullable String ctaText, Set<String> tags,
        Map<String, Object> platformMetadata, Map<String, Object> platformVariants, ImportSource importSource,
        AssetRights rights, AssetPerformance performance, int reusedCount, @Nullable Instant lastReusedAt,
        boolean archived, @Nullable Instant archivedAt, UUID uploadedBy, Instant createdAt, Instant updatedAt,
        long version) {
}

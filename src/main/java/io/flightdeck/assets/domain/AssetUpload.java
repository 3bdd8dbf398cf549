package io.flightdeck.assets.domain;

import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;

/**
 * An upload's metadata. {@code type} null lets the detected MIME type decide; {@code name} null takes the file name.
 * {@code skipDuplicateCheck} makes a new asset even when the workspace already has these bytes (the blob is still
 * stored once).
 */
public record AssetUpload(UUID spaceId, UUID campaignId, String name, AssetType type, String title, String description,
        Set<String> tags, boolean skipDuplicateCheck) {
}

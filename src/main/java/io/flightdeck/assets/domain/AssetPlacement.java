package io.flightdeck.assets.domain;

import java.util.UUID;

/** Where an asset goes: a campaign, optionally one of its spaces, or neither (the workspace's library only). */
public record AssetPlacement(UUID campaignId, UUID spaceId) {

    public static final AssetPlacement LIBRARY = new AssetPlacement(null, null);

    public boolean isLibraryOnly() {
        return campaignId == null;
    }
}

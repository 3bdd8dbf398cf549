package io.flightdeck.assets;

import java.util.UUID;

/**
 * What another module shows of an asset: enough for a card, a picker or a preview.
 *
 * @param mimeType      null for copy
 * @param hasThumbnail  whether {@code /assets/{id}/renditions/thumb-small} and {@code thumb-large} exist
 * @param hasPoster     whether a video's {@code /assets/{id}/renditions/poster} exists
 */
public record AssetCard(UUID id, String name, AssetType type, String mimeType, boolean archived, boolean hasThumbnail,
        boolean hasPoster, Integer width, Integer height) {

    /** The page address of an image to show for the asset (a thumbnail or a poster frame); null when there is none. */
    public String previewPath() {
        if (hasThumbnail) {
            return "/assets/" + id + "/renditions/thumb-large";
        }
        return hasPoster ? "/assets/" + id + "/renditions/poster" : null;
    }
}

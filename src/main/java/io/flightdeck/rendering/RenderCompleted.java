package io.flightdeck.rendering;

import java.util.List;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A render job finished and its outputs are in the asset library.
 *
 * @param creativeId      null for a job made without a creative
 * @param primaryAssetId  the main output (the first image size, or the video)
 * @param variantAssetIds every output, the primary included, in the order rendered
 * @param posterAssetId   a video's poster frame; null for images
 */
@DomainEvent
public record RenderCompleted(UUID workspaceId, UUID jobId, UUID creativeId, UUID campaignId, RenderType type,
        UUID primaryAssetId, List<UUID> variantAssetIds, UUID posterAssetId) {
}

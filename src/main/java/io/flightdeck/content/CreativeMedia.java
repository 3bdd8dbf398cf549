package io.flightdeck.content;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A creative as renderers see it, and where their results go. For the current workspace. */
public interface CreativeMedia {

    /** The words and the brand look a render draws; empty for a creative that is not there (or is in the trash). */
    Optional<RenderBrief> renderBrief(UUID creativeId);

    /**
     * Makes a rendered asset the creative's current image or video, as a generated version with the renderer as its
     * author. A creative in review or approved goes back to review, as for any change. A locked part is left alone.
     * Acting for the signed-in member (a job runs as the member who asked).
     *
     * @param variants every size rendered (the asset among them), so that each network gets the size that suits it
     */
    AttachOutcome attachRendered(UUID creativeId, ComponentKind kind, UUID assetId, List<UUID> variants, String provider,
            String model);

    enum AttachOutcome {
        ATTACHED, ALREADY_CURRENT, LOCKED, CREATIVE_GONE
    }

    /**
     * @param imageAssetId the creative's current image (a render's background, a video's first slide); null if none
     * @param brandColours the brand's colours in order, {@code #rrggbb}
     * @param logoAssetId  the brand's first logo; null when none
     */
    record RenderBrief(UUID creativeId, UUID campaignId, String title, String headline, String cta, String caption,
            UUID imageAssetId, UUID videoAssetId, String brandName, List<String> brandColours, String headingFont,
            String bodyFont, UUID logoAssetId) {
    }
}

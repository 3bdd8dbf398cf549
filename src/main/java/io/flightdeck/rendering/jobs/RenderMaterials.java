package io.flightdeck.rendering.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetIntake;
import io.flightdeck.assets.AssetType;
import io.flightdeck.content.CreativeMedia;
import io.flightdeck.content.CreativeMedia.RenderBrief;
import org.springframework.stereotype.Component;

/**
 * What a job draws: the creative's headline, call to action and image, its brand's colours, fonts and logo, with the
 * job's own params taking precedence ({@code headline}, {@code cta}, {@code backgroundAssetId}, {@code imageAssetIds}
 * for a slideshow). Library files are opened only when a renderer reads them.
 */
@Component
class RenderMaterials {

    private final CreativeMedia creatives;
    private final AssetDirectory directory;
    private final AssetIntake intake;

    RenderMaterials(CreativeMedia creatives, AssetDirectory directory, AssetIntake intake) {
        this.creatives = creatives;
        this.directory = directory;
        this.intake = intake;
    }

    Optional<RenderBrief> brief(UUID creativeId) {
        return creativeId == null ? Optional.empty() : creatives.renderBrief(creativeId);
    }

    RenderMaterial forJob(RenderJob job) {
        RenderBrief brief = null;
        if (job.getCreativeId() != null) {
            brief = creatives.renderBrief(job.getCreativeId()).orElseThrow(() -> new RenderProviderException(
                    "creative-gone", "The creative was deleted; there is nothing to render.", false));
        }
        Map<String, Object> p = job.getParams();
        List<UUID> imageIds = new ArrayList<>(imageIds(p));
        if (imageIds.isEmpty() && brief != null && brief.imageAssetId() != null) {
            imageIds.add(brief.imageAssetId());
        }
        Set<UUID> wanted = new LinkedHashSet<>(imageIds);
        if (brief != null && brief.logoAssetId() != null) {
            wanted.add(brief.logoAssetId());
        }
        Map<UUID, AssetCard> cards = directory.find(wanted);
        List<RenderMaterial.Media> images = new ArrayList<>();
        for (UUID id : imageIds) {
            AssetCard card = cards.get(id);
            if (card == null || card.type() != AssetType.IMAGE) {
                throw new RenderProviderException("image-missing", "The image " + id
                        + " is not an image in this workspace's library any more.", false);
            }
            images.add(media(card));
        }
        AssetCard logo = brief == null || brief.logoAssetId() == null ? null : cards.get(brief.logoAssetId());
        return new RenderMaterial(text(p, "headline", brief == null ? null : brief.headline()),
                text(p, "cta", brief == null ? null : brief.cta()), text(p, "caption", brief == null ? null : brief.caption()),
                brief == null ? null : brief.brandName(), brief == null ? List.of() : brief.brandColours(),
                brief == null ? null : brief.headingFont(), brief == null ? null : brief.bodyFont(),
                logo == null || logo.type() != AssetType.IMAGE ? null : media(logo), images);
    }

    static List<UUID> imageIds(Map<String, Object> params) {
        List<UUID> ids = new ArrayList<>();
        Object background = params.get("backgroundAssetId");
        if (background != null) {
            ids.add(UUID.fromString(String.valueOf(background)));
        }
        if (params.get("imageAssetIds") instanceof List<?> list) {
            list.forEach(v -> ids.add(UUID.fromString(String.valueOf(v))));
        }
        return ids;
    }

    private static String text(Map<String, Object> params, String name, String fallback) {
        Object v = params.get(name);
        return v != null && !String.valueOf(v).isBlank() ? String.valueOf(v) : fallback;
    }

    private RenderMaterial.Media media(AssetCard card) {
        return new RenderMaterial.Media() {
            @Override
            public String name() {
                return card.name();
            }

            @Override
            public String mimeType() {
                return card.mimeType();
            }

            @Override
            public InputStream open() throws IOException {
                return intake.open(card.id());
            }
        };
    }
}

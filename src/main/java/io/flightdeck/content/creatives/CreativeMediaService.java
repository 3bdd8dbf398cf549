package io.flightdeck.content.creatives;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativeMedia;
import io.flightdeck.content.brands.BrandView;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CreativeMedia}: the creative's words and its campaign's brand for renderers, and their results back in. */
@Service
class CreativeMediaService implements CreativeMedia {

    private final Creatives creatives;
    private final CreativeEditor editor;
    private final Brands brands;

    CreativeMediaService(Creatives creatives, CreativeEditor editor, Brands brands) {
        this.creatives = creatives;
        this.editor = editor;
        this.brands = brands;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RenderBrief> renderBrief(UUID creativeId) {
        CreativeView creative;
        try {
            creative = creatives.get(creativeId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        if (creative.deleted()) {
            return Optional.empty();
        }
        BrandView brand = brands.forCampaign(creative.campaignId()).orElse(null);
        return Optional.of(new RenderBrief(creative.id(), creative.campaignId(), creative.title(),
                text(creative, ComponentKind.HEADLINE), text(creative, ComponentKind.CTA),
                text(creative, ComponentKind.CAPTION), asset(creative, ComponentKind.IMAGE),
                asset(creative, ComponentKind.VIDEO), brand == null ? null : brand.name(),
                brand == null ? List.of() : brand.colours(), brand == null ? null : brand.headingFont(),
                brand == null ? null : brand.bodyFont(),
                brand == null || brand.logoAssetIds().isEmpty() ? null : brand.logoAssetIds().get(0)));
    }

    @Override
    public AttachOutcome attachRendered(UUID creativeId, ComponentKind kind, UUID assetId, List<UUID> variants,
            String provider, String model) {
        return editor.attachRendered(creativeId, kind, assetId, variants, provider, model);
    }

    private static UUID asset(CreativeView creative, ComponentKind kind) {
        return creative.components().stream().filter(p -> p.kind() == kind).findFirst().map(CreativeView.Part::assetId)
                .orElse(null);
    }

    private static String text(CreativeView creative, ComponentKind kind) {
        return creative.components().stream().filter(p -> p.kind() == kind).findFirst().map(CreativeView.Part::text)
                .orElse(null);
    }
}

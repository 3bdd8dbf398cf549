package io.flightdeck.content.creatives;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.content.ComponentKind;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template carries the campaign's live creatives: title, topic, channels, each text part as it reads now, and the
 * library image and video they use (linked: the same asset). The new campaign gets them as drafts a person wrote, made
 * from its own strategy version, for their own review; nothing is generated and no approval comes along.
 */
@Component
class CreativesTemplateSection implements CampaignTemplateSection {

    /** A template is a campaign's shape, not its archive: more creatives than this are left to a clone by hand. */
    static final int MAX_CREATIVES = 200;

    private final Creatives creatives;
    private final JsonMapper json;

    CreativesTemplateSection(Creatives creatives, JsonMapper json) {
        this.creatives = creatives;
        this.json = json;
    }

    record CapturedCreative(String title, String topic, Set<Channel> channels, Map<ComponentKind, String> texts,
            UUID imageAssetId, UUID videoAssetId) {
    }

    @Override
    public TemplatePart part() {
        return TemplatePart.CREATIVES;
    }

    @Override
    public Optional<Captured> capture(CampaignSnapshot campaign) {
        List<CapturedCreative> captured = creatives.forCampaign(campaign.id(), false,
                PageRequest.of(0, MAX_CREATIVES, Sort.by("createdAt", "id"))).stream().map(c -> {
                    Map<ComponentKind, String> texts = new EnumMap<>(ComponentKind.class);
                    c.components().stream().filter(p -> p.kind().isText() && p.text() != null && !p.text().isBlank())
                            .forEach(p -> texts.put(p.kind(), p.text()));
                    return new CapturedCreative(c.title(), c.topic(), c.channels(), texts, asset(c, ComponentKind.IMAGE),
                            asset(c, ComponentKind.VIDEO));
                }).toList();
        if (captured.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Captured(json.valueToTree(captured),
                captured.size() + (captured.size() == 1 ? " creative" : " creatives")));
    }

    private static UUID asset(CreativeView creative, ComponentKind kind) {
        return creative.components().stream().filter(p -> p.kind() == kind).map(CreativeView.Part::assetId)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    @Override
    public List<String> apply(CampaignSnapshot campaign, JsonNode content, TemplateCopy copy) {
        for (JsonNode node : content) {
            CapturedCreative c = json.treeToValue(node, CapturedCreative.class);
            creatives.create(new CreativeDraft(campaign.id(), c.title(), c.topic(), c.channels(), CreativeMode.MANUAL,
                    c.texts(), c.imageAssetId(), c.videoAssetId(), null, null));
        }
        return List.of();
    }
}

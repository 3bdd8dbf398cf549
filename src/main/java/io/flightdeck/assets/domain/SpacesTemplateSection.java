package io.flightdeck.assets.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.shared.Money;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template carries the campaign's live spaces (name, description, platform, objective, audience, budget, tags,
 * category) and the live library assets in each. Never a network's campaign id, imports or numbers. The new spaces
 * link the same assets, a reuse the library records, or with {@link TemplateCopy#copyAssets()} get asset records of
 * their own over the same stored bytes (content-addressed, so nothing is read or written again).
 */
@Component
class SpacesTemplateSection implements CampaignTemplateSection {

    static final int MAX_SPACES = 50;
    static final int MAX_ASSETS_PER_SPACE = 500;

    private final CampaignSpaces spaces;
    private final CampaignSpaceRepository spaceRows;
    private final AssetRepository assets;
    private final AssetUseRepository uses;
    private final AssetLibrary library;
    private final JsonMapper json;
    private final Clock clock;

    SpacesTemplateSection(CampaignSpaces spaces, CampaignSpaceRepository spaceRows, AssetRepository assets,
            AssetUseRepository uses, AssetLibrary library, JsonMapper json, Clock clock) {
        this.spaces = spaces;
        this.spaceRows = spaceRows;
        this.assets = assets;
        this.uses = uses;
        this.library = library;
        this.json = json;
        this.clock = clock;
    }

    record CapturedSpace(String name, String description, AdPlatform platform, String objective, String audience,
            Money budget, Set<String> tags, String category, boolean active, List<UUID> assetIds) {
    }

    @Override
    public TemplatePart part() {
        return TemplatePart.SPACES;
    }

    @Override
    public Optional<Captured> capture(CampaignSnapshot campaign) {
        return capture(spaces.list(new CampaignSpaceFilter(campaign.id(), null, false, null, null, null, null, null, null),
                PageRequest.of(0, MAX_SPACES, Sort.by("createdAt", "id"))).getContent());
    }

    /** These spaces as the part reads them: what a campaign's template takes, or one space saved as a template. */
    Optional<Captured> capture(List<CampaignSpaceView> chosen) {
        List<CapturedSpace> captured = chosen.stream().filter(s -> !s.archived()).map(s -> new CapturedSpace(s.name(),
                s.description(), s.platform(), s.objective(), s.audience(), s.budget(), s.tags(), s.category(),
                s.active(), liveAssets(s.id()))).toList();
        if (captured.isEmpty()) {
            return Optional.empty();
        }
        int count = captured.stream().mapToInt(s -> s.assetIds().size()).sum();
        return Optional.of(new Captured(json.valueToTree(captured), captured.size()
                + (captured.size() == 1 ? " space with " : " spaces with ") + count + (count == 1 ? " asset" : " assets")));
    }

    /** The space's live assets in the order they were placed, read in one query rather than one per use. */
    private List<UUID> liveAssets(UUID spaceId) {
        List<UUID> placed = uses.findBySpaceIdOrderByUsedAtAscIdAsc(spaceId).stream().map(AssetUse::getAssetId)
                .distinct().toList();
        Set<UUID> live = assets.findAllById(placed).stream().filter(a -> !a.isArchived()).map(Asset::getId)
                .collect(Collectors.toSet());
        return placed.stream().filter(live::contains).limit(MAX_ASSETS_PER_SPACE).toList();
    }

    @Override
    public List<String> apply(CampaignSnapshot campaign, JsonNode content, TemplateCopy copy) {
        for (JsonNode node : content) {
            CapturedSpace s = json.treeToValue(node, CapturedSpace.class);
            CampaignSpaceView space = spaces.create(new CampaignSpaceDetails(campaign.id(), s.name(), s.description(),
                    s.platform(), null, s.objective(), s.audience(), s.budget(), ImportSource.MANUAL_UPLOAD,
                    s.tags() == null ? Set.of() : s.tags(), s.category(), false, s.active(), null));
            AssetPlacement placement = new AssetPlacement(campaign.id(), space.id());
            // an asset archived or deleted since the template was made is left out rather than refusing the start
            if (s.assetIds().isEmpty()) {
                continue;
            }
            if (!copy.copyAssets()) {
                library.reuseAll(s.assetIds(), placement, "From a template");
                continue;
            }
            Map<UUID, Asset> live = assets.findAllWithContent(s.assetIds()).stream().filter(a -> !a.isArchived())
                    .collect(Collectors.toMap(Asset::getId, a -> a));
            for (UUID assetId : s.assetIds()) {
                Asset asset = live.remove(assetId);
                if (asset != null) {
                    copyInto(asset, placement);
                }
            }
        }
        return List.of();
    }

    /** A record of its own, its details as they read now, over the same stored bytes; placed there first. */
    private void copyInto(Asset original, AssetPlacement placement) {
        UUID actor = CurrentActor.require().userId();
        Instant now = clock.instant();
        AssetView v = original.view();
        Asset copy = assets.save(new Asset(original.getContent(), placement.campaignId(), placement.spaceId(),
                v.importSource(), new AssetDetails(v.name(), v.type(), null, v.title(), v.description(), v.adCopy(),
                        v.headline(), v.ctaText(), v.tags(), v.platformMetadata(), v.platformVariants(), v.rights()),
                actor, now));
        uses.save(copy.useIn(placement.campaignId(), spaceRows.getReferenceById(placement.spaceId()),
                AssetUse.Kind.ORIGIN, "Copied from a template", actor, now));
        spaceRows.addToCounters(placement.spaceId(), 1, copy.fileSize());
    }
}

package io.flightdeck.content.creatives;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignJournal;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.generation.ContentBrief;
import io.flightdeck.content.generation.GeneratedText;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.content.creatives.PartGenerator.Generated;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creatives of the current workspace: create (generated or written), read, rename, send for review, follow the
 * strategy, trash and restore. Text is generated before anything is written, so a generator that fails leaves nothing
 * half-saved. A person's edits of the parts are {@link CreativeEditor}'s, a generator's rewrites
 * {@link CreativeRegeneration}'s, the review {@link CreativeReviews}'. Callers check roles.
 */
@Service
public class Creatives {

    static final int MAX_TITLE = 200;

    private final CreativeRepository creatives;
    private final CampaignDirectory campaigns;
    private final StrategyDirectory strategies;
    private final AssetDirectory assets;
    private final Brands brands;
    private final CreativeBriefs briefs;
    private final PartGenerator generator;
    private final CreativeReviews reviews;
    private final CampaignJournal journal;
    private final Clock clock;

    Creatives(CreativeRepository creatives, CampaignDirectory campaigns, StrategyDirectory strategies,
            AssetDirectory assets, Brands brands, CreativeBriefs briefs, PartGenerator generator,
            CreativeReviews reviews, CampaignJournal journal, Clock clock) {
        this.creatives = creatives;
        this.campaigns = campaigns;
        this.strategies = strategies;
        this.assets = assets;
        this.brands = brands;
        this.briefs = briefs;
        this.generator = generator;
        this.reviews = reviews;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public CreativeView create(CreativeDraft draft) {
        return create(draft, Map.of());
    }

    /**
     * A creative whose parts a generator already wrote elsewhere (repurposing): they are kept as generated versions,
     * with their provider, model and prompt version, and nothing else is generated.
     */
    @Transactional
    public CreativeView create(CreativeDraft draft, Map<ComponentKind, GeneratedText> written) {
        Actor actor = CurrentActor.require();
        CampaignSnapshot campaign = requireCampaign(draft.campaignId());
        Set<Channel> channels = draft.channels().isEmpty() ? campaign.channels() : draft.channels();
        if (channels.isEmpty()) {
            throw new InvalidInputException("channels", "choose at least one channel (the campaign has none)");
        }
        String title = checkedTitle(draft.title());
        Map<ComponentKind, String> texts = CreativeComponent.checkedTexts(draft.texts());
        checkAsset(draft.imageAssetId(), AssetType.IMAGE, "imageAssetId");
        checkAsset(draft.videoAssetId(), AssetType.VIDEO, "videoAssetId");
        Integer strategyVersion = currentStrategy(campaign.id());
        Instant now = clock.instant();
        Creative creative = new Creative(campaign.id(), title, blankToNull(draft.topic()), channels, strategyVersion,
                actor.userId(), now);
        Map<ComponentKind, Generated> generated = new EnumMap<>(ComponentKind.class);
        written.forEach((kind, text) -> generated.put(kind, new Generated(text, 0)));
        if (draft.mode() != CreativeMode.MANUAL && written.isEmpty()) {
            ContentBrief brief = briefs.brief(campaign, strategyVersion, creative.getTopic());
            BrandVoice brand = brands.voiceFor(campaign.id());
            for (ComponentKind kind : CreativeParts.textKindsFor(channels)) {
                if (!texts.containsKey(kind)) {
                    generated.put(kind, generator.generate(kind, channels, brief, brand, null, draft.provider(),
                            draft.model()));
                }
            }
        }
        generated.forEach((kind, g) -> creative.component(kind).generated(g.text().text(), g.by(actor.userId()),
                strategyVersion, now));
        texts.forEach((kind, text) -> creative.component(kind).write(text, null, actor.userId(), strategyVersion, now));
        if (draft.imageAssetId() != null) {
            creative.component(ComponentKind.IMAGE).write(null, draft.imageAssetId(), actor.userId(), strategyVersion, now);
        }
        if (draft.videoAssetId() != null) {
            creative.component(ComponentKind.VIDEO).write(null, draft.videoAssetId(), actor.userId(), strategyVersion, now);
        }
        creative.changed(actor.userId(), now);
        creatives.save(creative);
        creatives.flush();
        journal.record(campaign.id(), "creative-created:" + creative.getId(), actor.userId(), actor.displayName(),
                "creative.created", (generated.isEmpty() ? "wrote" : "generated") + " the creative “" + title + "”", now);
        return creative.view();
    }

    @Transactional(readOnly = true)
    public CreativeView get(UUID id) {
        return find(id).view();
    }

    @Transactional(readOnly = true)
    public Page<CreativeView> forCampaign(UUID campaignId, boolean deleted, Pageable pageable) {
        requireCampaign(campaignId);
        return creatives.findByCampaign(campaignId, !deleted, pageable).map(Creative::view);
    }

    @Transactional(readOnly = true)
    public Page<CreativeView> list(CreativeStatus status, Pageable pageable) {
        return creatives.findLive(status, pageable).map(Creative::view);
    }

    @Transactional(readOnly = true)
    public List<ComponentVersionView> history(UUID id, ComponentKind kind) {
        CreativeComponent component = find(id).component(kind);
        return component.history().stream()
                .map(v -> v.view(Objects.equals(v.getNumber(), component.getCurrentVersion()))).toList();
    }

    @Transactional
    public CreativeView update(UUID id, String title, String topic, Set<Channel> channels, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Creative creative = find(id);
        checkVersion(creative, expectedVersion);
        if (channels == null || channels.isEmpty()) {
            throw new InvalidInputException("channels", "choose at least one channel");
        }
        Instant now = clock.instant();
        creative.rename(checkedTitle(title), blankToNull(topic), channels, actor.userId(), now);
        reviews.afterChange(creative, actor.userId(), now);
        return flushed(creative);
    }

    @Transactional
    public CreativeView submit(UUID id) {
        CurrentActor.require();
        Creative creative = find(id);
        reviews.submit(creative);
        return flushed(creative);
    }

    @Transactional
    public void delete(UUID id) {
        Actor actor = CurrentActor.require();
        find(id).delete(actor.userId(), clock.instant());
    }

    @Transactional
    public CreativeView restore(UUID id) {
        Actor actor = CurrentActor.require();
        Creative creative = find(id);
        creative.restore(actor.userId(), clock.instant());
        return flushed(creative);
    }

    /** A new strategy version: the campaign's creatives made from older ones become stale. Idempotent. */
    @Transactional
    public int markStale(UUID campaignId, int strategyVersion) {
        int marked = 0;
        for (Creative creative : creatives.findMadeBefore(campaignId, strategyVersion)) {
            if (creative.markStale(strategyVersion)) {
                marked++;
            }
        }
        return marked;
    }

    /** A creative of a live campaign: a trashed campaign's creatives are as gone as the campaign. */
    Creative find(UUID id) {
        Creative creative = creatives.findById(id).orElseThrow(() -> new NotFoundException("Creative"));
        requireCampaign(creative.getCampaignId());
        return creative;
    }

    CampaignSnapshot requireCampaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
    }

    Integer currentStrategy(UUID campaignId) {
        var v = strategies.currentVersion(campaignId);
        return v.isPresent() ? v.getAsInt() : null;
    }

    /** An asset of this workspace, of the type the part holds, not archived; nothing to check when null. */
    void checkAsset(UUID assetId, AssetType type, String field) {
        if (assetId == null) {
            return;
        }
        AssetCard card = assets.find(Set.of(assetId)).get(assetId);
        if (card == null) {
            throw new InvalidInputException(field, "no asset " + assetId + " in this workspace");
        }
        if (card.type() != type || card.archived()) {
            throw new InvalidInputException(field, "“" + card.name() + "” is not a live " + type.name().toLowerCase());
        }
    }

    CreativeView flushed(Creative creative) {
        creatives.flush();
        return creative.view();
    }

    static void checkVersion(Creative creative, Long expected) {
        if (expected != null && !Objects.equals(expected, creative.getVersion())) {
            throw new PreconditionFailedException(creative.getVersion());
        }
    }

    private static String checkedTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        if (t.length() > MAX_TITLE) {
            throw new InvalidInputException("title", "at most " + MAX_TITLE + " characters");
        }
        return t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

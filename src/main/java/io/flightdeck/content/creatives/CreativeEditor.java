package io.flightdeck.content.creatives;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.CreativeMedia.AttachOutcome;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes made to a creative's parts by a person (write a part, save the editor's texts, promote a version, lock)
 * and by a renderer (attach its image or video). What each part accepts and when a change makes a new version is the
 * creative's ({@link CreativeComponent}, {@link CreativeParts}); every change that makes one goes back to review.
 */
@Service
public class CreativeEditor {

    private final Creatives creatives;
    private final CreativeRepository repository;
    private final CampaignDirectory campaigns;
    private final CreativeReviews reviews;
    private final Clock clock;

    CreativeEditor(Creatives creatives, CreativeRepository repository, CampaignDirectory campaigns,
            CreativeReviews reviews, Clock clock) {
        this.creatives = creatives;
        this.repository = repository;
        this.campaigns = campaigns;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** A person's text for a text part, or an asset for the image or video. */
    @Transactional
    public CreativeView write(UUID id, ComponentKind kind, String text, UUID assetId, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Creative creative = creatives.find(id);
        creative.requireLive();
        Creatives.checkVersion(creative, expectedVersion);
        String content = CreativeComponent.checkedContent(kind, text, assetId);
        if (!kind.isText()) {
            creatives.checkAsset(assetId, kind == ComponentKind.IMAGE ? AssetType.IMAGE : AssetType.VIDEO, "assetId");
        }
        Instant now = clock.instant();
        creative.component(kind).write(content, assetId, actor.userId(), creative.getStrategyVersion(), now);
        if (kind == ComponentKind.IMAGE) {
            creative.imageVariants(List.of()); // an image from the library has no rendered sizes
        }
        reviews.afterChange(creative, actor.userId(), now);
        return creatives.flushed(creative);
    }

    /**
     * The editor's save: every text part whose text differs from its current one gets a new version, in one
     * transaction, checked against the version the editor was opened on.
     *
     * @return the parts that changed
     */
    @Transactional
    public List<ComponentKind> writeTexts(UUID id, Map<ComponentKind, String> texts, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Creative creative = creatives.find(id);
        creative.requireLive();
        Creatives.checkVersion(creative, expectedVersion);
        Instant now = clock.instant();
        List<ComponentKind> changed = creative.parts().writeTexts(texts, actor.userId(), creative.getStrategyVersion(), now);
        if (!changed.isEmpty()) {
            reviews.afterChange(creative, actor.userId(), now);
            repository.flush();
        }
        return changed;
    }

    @Transactional
    public CreativeView promote(UUID id, ComponentKind kind, int number, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Creative creative = creatives.find(id);
        creative.requireLive();
        Creatives.checkVersion(creative, expectedVersion);
        if (!creative.component(kind).promote(number)) {
            return creative.view();
        }
        reviews.afterChange(creative, actor.userId(), clock.instant());
        return creatives.flushed(creative);
    }

    @Transactional
    public CreativeView lock(UUID id, ComponentKind kind, boolean locked) {
        Actor actor = CurrentActor.require();
        Creative creative = creatives.find(id);
        creative.requireLive();
        creative.component(kind).lock(locked);
        creative.touched(actor.userId(), clock.instant());
        return creatives.flushed(creative);
    }

    /** A rendered asset as the current image or video; see {@link io.flightdeck.content.CreativeMedia#attachRendered}. */
    @Transactional
    public AttachOutcome attachRendered(UUID id, ComponentKind kind, UUID assetId, List<UUID> variants,
            String provider, String model) {
        Actor actor = CurrentActor.require();
        Creative creative = repository.findForUpdate(id).orElse(null);
        if (creative == null || creative.isDeleted() || campaigns.find(creative.getCampaignId()).isEmpty()) {
            return AttachOutcome.CREATIVE_GONE;
        }
        if (kind.isText()) {
            throw new IllegalArgumentException("A render is an image or a video, not " + kind);
        }
        Instant now = clock.instant();
        AttachOutcome outcome = creative.component(kind).attachRendered(assetId,
                new Authorship(actor.userId(), provider, model, null, null), creative.getStrategyVersion(), now);
        if (outcome == AttachOutcome.ATTACHED) {
            if (kind == ComponentKind.IMAGE) {
                creative.imageVariants(variants.contains(assetId) ? variants : List.of(assetId));
            }
            reviews.afterChange(creative, actor.userId(), now);
            repository.flush();
        }
        return outcome;
    }
}

package io.flightdeck.content.creatives;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.generation.ContentBrief;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.content.creatives.PartGenerator.Generated;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A generator writes parts of an existing creative again: one part with a chosen provider and model, every stale
 * part after a strategy change, or the empty parts of a creative made to be generated. Every text is generated before any is written; a part a person wrote or locked keeps
 * its text.
 */
@Service
public class CreativeRegeneration {

    private final Creatives creatives;
    private final CreativeBriefs briefs;
    private final PartGenerator generator;
    private final Brands brands;
    private final CreativeReviews reviews;
    private final Clock clock;

    CreativeRegeneration(Creatives creatives, CreativeBriefs briefs, PartGenerator generator, Brands brands,
            CreativeReviews reviews, Clock clock) {
        this.creatives = creatives;
        this.briefs = briefs;
        this.generator = generator;
        this.brands = brands;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** @param replaced false when a person's text stayed and the new version waits as a candidate */
    public record Regenerated(CreativeView creative, ComponentVersionView version, boolean replaced) {
    }

    /**
     * Writes one part again with the chosen provider and model; the other parts stay. A part a person wrote keeps
     * their text: the new version waits in its history to be compared and promoted. A locked part refuses.
     */
    @Transactional
    public Regenerated regenerate(UUID id, ComponentKind kind, String provider, String model, Long seed) {
        Actor actor = CurrentActor.require();
        Creative creative = creatives.find(id);
        creative.requireLive();
        CreativeComponent component = creative.component(kind);
        component.requireRegenerable();
        CampaignSnapshot campaign = creatives.requireCampaign(creative.getCampaignId());
        ContentBrief brief = briefs.brief(campaign, creative.getStrategyVersion(), creative.getTopic());
        Generated g = generator.generate(kind, creative.getChannels(), brief, brands.voiceFor(campaign.id()), seed,
                provider, model);
        Instant now = clock.instant();
        ComponentVersion v = component.generated(g.text().text(), g.by(actor.userId()), creative.getStrategyVersion(),
                now);
        boolean replaced = Objects.equals(component.getCurrentVersion(), v.getNumber());
        if (replaced) {
            reviews.afterChange(creative, actor.userId(), now);
        }
        CreativeView view = creatives.flushed(creative);
        return new Regenerated(view, v.view(replaced), replaced);
    }

    /**
     * Writes the text parts a creative's channels need that are still empty, from the strategy version it was made
     * from: the second half of creating a creative whose parts a generator writes in a job. A part a person wrote or
     * locked in the meantime stays; with none left, nothing is generated.
     */
    @Transactional
    public CreativeView fillEmpty(UUID id, String provider, String model) {
        Actor actor = CurrentActor.require();
        Creative creative = creatives.find(id);
        List<ComponentKind> parts = creative.emptyTextParts();
        if (parts.isEmpty()) {
            return creative.view();
        }
        CampaignSnapshot campaign = creatives.requireCampaign(creative.getCampaignId());
        ContentBrief brief = briefs.brief(campaign, creative.getStrategyVersion(), creative.getTopic());
        BrandVoice brand = brands.voiceFor(campaign.id());
        Map<ComponentKind, Generated> fresh = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : parts) {
            fresh.put(kind, generator.generate(kind, creative.getChannels(), brief, brand, null, provider, model));
        }
        Instant now = clock.instant();
        fresh.forEach((kind, g) -> creative.component(kind).generated(g.text().text(), g.by(actor.userId()),
                creative.getStrategyVersion(), now));
        reviews.afterChange(creative, actor.userId(), now);
        return creatives.flushed(creative);
    }

    /**
     * Catches a stale creative up with the strategy: regenerates only its stale parts that are neither locked nor a
     * person's, from the current version, and keeps the rest.
     */
    @Transactional
    public CreativeView refresh(UUID id, String provider, String model) {
        Actor actor = CurrentActor.require();
        Creative creative = creatives.find(id);
        var parts = creative.refreshableParts();
        CampaignSnapshot campaign = creatives.requireCampaign(creative.getCampaignId());
        Integer version = creatives.currentStrategy(campaign.id());
        int target = version == null ? creative.getStaleAgainstVersion() : version;
        ContentBrief brief = briefs.brief(campaign, target, creative.getTopic());
        BrandVoice brand = brands.voiceFor(campaign.id());
        Map<ComponentKind, Generated> fresh = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : parts) {
            fresh.put(kind, generator.generate(kind, creative.getChannels(), brief, brand, null, provider, model));
        }
        Instant now = clock.instant();
        fresh.forEach((kind, g) -> creative.component(kind).generated(g.text().text(), g.by(actor.userId()), target,
                now));
        creative.refreshed(target);
        reviews.afterChange(creative, actor.userId(), now);
        return creatives.flushed(creative);
    }
}

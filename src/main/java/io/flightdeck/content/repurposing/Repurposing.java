package io.flightdeck.content.repurposing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.generation.ContentBrief;
import io.flightdeck.content.creatives.CreativeMode;
import io.flightdeck.content.generation.GeneratedText;
import io.flightdeck.content.brands.BrandView;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.content.creatives.CreativeDraft;
import io.flightdeck.content.creatives.CreativeView;
import io.flightdeck.content.creatives.Creatives;
import io.flightdeck.content.generation.BuiltInGenerator;
import io.flightdeck.content.generation.LongTextRepurposer;
import io.flightdeck.content.generation.RepurposeFormat;
import io.flightdeck.content.generation.RepurposedDraft;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.strategy.StrategyBrief;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repurposing (seed 002): a long text, pasted or read from a document of the library, turned into each network's
 * format with variations, kept with a status per piece, and saved as creatives. Written from the campaign's strategy
 * and brand when a campaign is given. Callers check roles.
 */
@Service
public class Repurposing {

    public static final int MAX_TEXT = 100_000;
    public static final int MIN_WORDS = 40;
    public static final int MAX_VARIATIONS_PER_FORMAT = 10;

    private final RepurposeSourceRepository sources;
    private final RepurposedItemRepository items;
    private final LongTextRepurposer repurposer;
    private final CampaignDirectory campaigns;
    private final StrategyDirectory strategies;
    private final AssetDirectory assets;
    private final Brands brands;
    private final Creatives creatives;
    private final Clock clock;

    Repurposing(RepurposeSourceRepository sources, RepurposedItemRepository items, LongTextRepurposer repurposer,
            CampaignDirectory campaigns, StrategyDirectory strategies, AssetDirectory assets, Brands brands,
            Creatives creatives, Clock clock) {
        this.sources = sources;
        this.items = items;
        this.repurposer = repurposer;
        this.campaigns = campaigns;
        this.strategies = strategies;
        this.assets = assets;
        this.brands = brands;
        this.creatives = creatives;
        this.clock = clock;
    }

    /**
     * @param text            the long text, or null to read {@code documentAssetId}
     * @param formats         empty for all five
     * @param variations      per format, 1 to {@link LongTextRepurposer#MAX_VARIATIONS}
     */
    public record Command(UUID campaignId, String title, String text, UUID documentAssetId, Set<RepurposeFormat> formats,
            int variations, Long seed) {
    }

    public record RepurposeResult(RepurposeSourceView source, List<RepurposedItemView> items) {
    }

    @Transactional
    public RepurposeResult repurpose(Command command) {
        Actor actor = CurrentActor.require();
        if (command.variations() < 1 || command.variations() > LongTextRepurposer.MAX_VARIATIONS) {
            throw new InvalidInputException("variations", "from 1 to " + LongTextRepurposer.MAX_VARIATIONS);
        }
        CampaignSnapshot campaign = command.campaignId() == null ? null : campaigns.find(command.campaignId())
                .orElseThrow(() -> new NotFoundException("Campaign"));
        String text = sourceText(command);
        String title = command.title() == null || command.title().isBlank() ? firstLine(text) : command.title().strip();
        Set<RepurposeFormat> formats = command.formats() == null || command.formats().isEmpty()
                ? EnumSet.allOf(RepurposeFormat.class) : EnumSet.copyOf(command.formats());
        long seed = command.seed() != null ? command.seed() : ThreadLocalRandom.current().nextLong();
        List<RepurposedDraft> drafts = repurposer.repurpose(text, title, brief(campaign), voice(campaign), formats,
                command.variations(), seed);
        if (drafts.isEmpty()) {
            throw new InvalidInputException("text", "no sentences to work from: give a text of whole sentences");
        }
        Instant now = clock.instant();
        RepurposeSource source = sources.save(new RepurposeSource(campaign == null ? null : campaign.id(), title, text,
                command.text() == null ? command.documentAssetId() : null, actor.userId(), now));
        List<RepurposedItem> saved = items.saveAll(drafts.stream().map(d -> new RepurposedItem(source.getId(), d.format(),
                d.variation(), d.text(), d.posts(), actor.userId(), now)).toList());
        items.flush();
        return new RepurposeResult(source.view(), saved.stream().map(RepurposedItem::view).toList());
    }

    @Transactional(readOnly = true)
    public Page<RepurposeSourceView> sources(UUID campaignId, Pageable pageable) {
        return sources.findByCampaign(campaignId, pageable).map(RepurposeSource::view);
    }

    @Transactional(readOnly = true)
    public RepurposeResult get(UUID sourceId) {
        RepurposeSource source = source(sourceId);
        return new RepurposeResult(source.view(), items.findBySource(sourceId).stream().map(RepurposedItem::view).toList());
    }

    /** More variations of one format from the same text, numbered after the ones it has. */
    @Transactional
    public List<RepurposedItemView> moreVariations(UUID sourceId, RepurposeFormat format, int count) {
        Actor actor = CurrentActor.require();
        if (count < 1 || count > LongTextRepurposer.MAX_VARIATIONS) {
            throw new InvalidInputException("count", "from 1 to " + LongTextRepurposer.MAX_VARIATIONS);
        }
        RepurposeSource source = source(sourceId);
        CampaignSnapshot campaign = source.getCampaignId() == null ? null
                : campaigns.find(source.getCampaignId()).orElse(null);
        int last = items.lastVariation(sourceId, format);
        if (last + count > MAX_VARIATIONS_PER_FORMAT) {
            throw new io.flightdeck.shared.ConflictException("too-many-variations", "A format keeps at most "
                    + MAX_VARIATIONS_PER_FORMAT + " variations; this one has " + last);
        }
        List<RepurposedDraft> drafts = repurposer.repurpose(source.getSourceText(), source.getTitle(), brief(campaign),
                voice(campaign), EnumSet.of(format), last + count, ThreadLocalRandom.current().nextLong());
        Instant now = clock.instant();
        List<RepurposedItem> added = new ArrayList<>();
        for (RepurposedDraft d : drafts.subList(last, drafts.size())) {
            added.add(new RepurposedItem(sourceId, format, d.variation(), d.text(), d.posts(), actor.userId(), now));
        }
        return items.saveAll(added).stream().map(RepurposedItem::view).toList();
    }

    @Transactional
    public RepurposedItemView move(UUID itemId, RepurposedStatus status) {
        Actor actor = CurrentActor.require();
        RepurposedItem item = item(itemId);
        item.moveTo(status, actor.userId(), clock.instant());
        items.flush();
        return item.view();
    }

    /**
     * Saves a piece as a creative of a campaign (the source's, unless another is given): its text becomes the caption
     * (an X thread's first post; a TikTok script the script), kept as written by the built-in generator.
     */
    @Transactional
    public CreativeView saveAsCreative(UUID itemId, UUID campaignId) {
        Actor actor = CurrentActor.require();
        RepurposedItem item = item(itemId);
        RepurposeSource source = source(item.getSourceId());
        UUID target = campaignId != null ? campaignId : source.getCampaignId();
        if (target == null) {
            throw new InvalidInputException("campaignId", "choose the campaign the creative belongs to");
        }
        RepurposeFormat format = item.getFormat();
        GeneratedText text = new GeneratedText(format == RepurposeFormat.X_THREAD ? item.view().posts().get(0)
                : item.getText(), BuiltInGenerator.PROVIDER, BuiltInGenerator.MODEL, "repurpose.v1", 0, 0);
        ComponentKind kind = format == RepurposeFormat.TIKTOK_SCRIPT ? ComponentKind.SCRIPT : ComponentKind.CAPTION;
        CreativeView creative = creatives.create(new CreativeDraft(target, source.getTitle() + " – " + format.label(),
                null, Set.of(format.channel()), CreativeMode.AI, Map.of(), null, null, null, null), Map.of(kind, text));
        item.savedAs(creative.id(), actor.userId(), clock.instant());
        return creative;
    }

    private String sourceText(Command command) {
        boolean hasText = command.text() != null && !command.text().isBlank();
        if (hasText == (command.documentAssetId() != null)) {
            throw new InvalidInputException("text", "give either a text or a document of the library, not both");
        }
        String text = hasText ? command.text().strip() : assets.documentText(command.documentAssetId(), MAX_TEXT)
                .orElseThrow(() -> new InvalidInputException("documentAssetId",
                        "the document has no text to read (a scan, an image or an empty file)"));
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "at most " + MAX_TEXT + " characters");
        }
        if (text.split("\\s+").length < MIN_WORDS) {
            throw new InvalidInputException("text", "too short to repurpose: give at least " + MIN_WORDS + " words");
        }
        return text;
    }

    private ContentBrief brief(CampaignSnapshot campaign) {
        if (campaign == null) {
            return new ContentBrief(null, null, List.of(), null, List.of(), null, null, null);
        }
        var version = strategies.currentVersion(campaign.id());
        StrategyBrief s = version.isPresent() ? strategies.brief(campaign.id(), version.getAsInt()).orElse(null) : null;
        return s == null ? new ContentBrief(campaign.name(), null, List.of(), null, List.of(), null, null, null)
                : new ContentBrief(campaign.name(), s.version(), s.goals(), s.targetAudience(), s.contentPillars(),
                        s.brandTone(), s.constraints(), null);
    }

    private BrandVoice voice(CampaignSnapshot campaign) {
        if (campaign != null) {
            return brands.voiceFor(campaign.id());
        }
        return brands.list(false).stream().filter(BrandView::isDefault).findFirst().map(BrandView::voiceForGeneration)
                .orElse(BrandVoice.none());
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("Untitled").replaceFirst("^#+\\s*", "").strip();
        return line.length() > 120 ? line.substring(0, 120) : line;
    }

    private RepurposeSource source(UUID id) {
        return sources.findById(id).orElseThrow(() -> new NotFoundException("Repurposed text"));
    }

    private RepurposedItem item(UUID id) {
        return items.findById(id).orElseThrow(() -> new NotFoundException("Repurposed piece"));
    }
}

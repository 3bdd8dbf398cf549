package io.flightdeck.content.creatives;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.approvals.ItemSubmission;
import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.BrandVoice;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.ContentBrief;
import io.flightdeck.content.ContentGenerator;
import io.flightdeck.content.CreativeMode;
import io.flightdeck.content.CreativeStatus;
import io.flightdeck.content.GeneratedText;
import io.flightdeck.content.brands.Brands;
import io.flightdeck.shared.ConflictException;
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
 * Creatives of the current workspace: create (generated or written), edit a part, regenerate one part, promote a
 * version, lock, refresh what a strategy change made stale, send for review, trash and restore. Text is generated
 * before anything is written, so a generator that fails leaves nothing half-saved. Callers check roles.
 */
@Service
public class Creatives {

    static final String SCOPE = "content";
    static final String ITEM_TYPE = "creative";
    static final int MAX_TEXT = 10_000;

    private final CreativeRepository creatives;
    private final CampaignDirectory campaigns;
    private final StrategyDirectory strategies;
    private final AssetDirectory assets;
    private final Brands brands;
    private final CreativeBriefs briefs;
    private final ContentGenerator generator;
    private final ApprovalItems approvals;
    private final io.flightdeck.campaigns.CampaignJournal journal;
    private final Clock clock;

    Creatives(CreativeRepository creatives, CampaignDirectory campaigns, StrategyDirectory strategies,
            AssetDirectory assets, Brands brands, CreativeBriefs briefs, ContentGenerator generator,
            ApprovalItems approvals,
            io.flightdeck.campaigns.CampaignJournal journal, Clock clock) {
        this.journal = journal;
        this.creatives = creatives;
        this.campaigns = campaigns;
        this.strategies = strategies;
        this.assets = assets;
        this.brands = brands;
        this.briefs = briefs;
        this.generator = generator;
        this.approvals = approvals;
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
        String title = requireTitle(draft.title());
        Map<ComponentKind, String> texts = checkTexts(draft.texts());
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
            for (ComponentKind kind : textKindsFor(channels)) {
                if (!texts.containsKey(kind)) {
                    generated.put(kind, generate(kind, channels, brief, brand, null, draft.provider(), draft.model()));
                }
            }
        }
        generated.forEach((kind, g) -> creative.component(kind).generated(g.text().text(),
                Authorship.generator(g.text(), g.seed(), actor.userId()), strategyVersion, now));
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

    /** The creative as its approver sees it: previews, and what changed since the last approval. */
    @Transactional(readOnly = true)
    public java.util.Optional<CreativeReview> review(UUID id) {
        java.util.Optional<Creative> found = creatives.findById(id).filter(c -> !c.isDeleted());
        if (found.isEmpty() || campaigns.find(found.get().getCampaignId()).isEmpty()) {
            return java.util.Optional.empty();
        }
        Creative creative = found.get();
        CreativeView view = creative.view();
        Map<ComponentKind, Integer> approved = creative.approvedVersions();
        List<CreativeReview.Change> changes = new ArrayList<>();
        boolean first = creative.approvedSnapshotText().isEmpty();
        if (!first) {
            for (CreativeComponent c : creative.getComponents()) {
                Integer was = approved.get(c.getKind());
                if (!Objects.equals(was, c.getCurrentVersion())) {
                    String before = was == null ? null : c.history().stream().filter(v -> v.getNumber() == was)
                            .map(v -> v.getText() != null ? v.getText() : String.valueOf(v.getAssetId())).findFirst()
                            .orElse(null);
                    changes.add(new CreativeReview.Change(c.getKind(), was, before, c.getCurrentVersion(),
                            c.getText() != null ? c.getText() : c.getAssetId() == null ? null : c.getAssetId().toString()));
                }
            }
        }
        return java.util.Optional.of(new CreativeReview(view, CreativePreviews.of(view, brands.voiceFor(view.campaignId())),
                first, changes));
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
        creative.rename(requireTitle(title), blankToNull(topic), channels, actor.userId(), clock.instant());
        afterChange(creative, actor, "its details");
        return flushed(creative);
    }

    /** A person's text for a text part, or an asset for the image or video. */
    @Transactional
    public CreativeView write(UUID id, ComponentKind kind, String text, UUID assetId, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Creative creative = find(id);
        creative.requireLive();
        checkVersion(creative, expectedVersion);
        if (kind.isText()) {
            if (assetId != null) {
                throw new InvalidInputException("assetId", "the " + kind.label().toLowerCase() + " is text");
            }
            text = checkText(kind, text);
        } else {
            if (text != null && !text.isBlank()) {
                throw new InvalidInputException("text", "the " + kind.label().toLowerCase() + " is an asset: give assetId");
            }
            checkAsset(assetId, kind == ComponentKind.IMAGE ? AssetType.IMAGE : AssetType.VIDEO, "assetId");
        }
        creative.component(kind).write(text, assetId, actor.userId(), creative.getStrategyVersion(), clock.instant());
        if (kind == ComponentKind.IMAGE) {
            creative.imageVariants(List.of()); // an image from the library has no rendered sizes
        }
        afterChange(creative, actor, "its " + kind.label().toLowerCase());
        return flushed(creative);
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
        Creative creative = find(id);
        creative.requireLive();
        checkVersion(creative, expectedVersion);
        List<ComponentKind> changed = new ArrayList<>();
        Instant now = clock.instant();
        for (Map.Entry<ComponentKind, String> e : texts.entrySet()) {
            if (!e.getKey().isText() || e.getValue() == null) {
                continue;
            }
            String text = checkText(e.getKey(), e.getValue());
            CreativeComponent component = creative.component(e.getKey());
            String current = component.getText() == null ? "" : component.getText();
            if (!text.equals(current.strip())) {
                component.write(text, null, actor.userId(), creative.getStrategyVersion(), now);
                changed.add(e.getKey());
            }
        }
        if (!changed.isEmpty()) {
            afterChange(creative, actor, changed.stream().map(k -> k.label().toLowerCase()).reduce((a, b) -> a + ", " + b)
                    .orElse(""));
            creatives.flush();
        }
        return changed;
    }

    /**
     * Writes one part again with the chosen provider and model; the other parts stay. A part a person wrote keeps
     * their text: the new version waits in its history to be compared and promoted. A locked part refuses.
     */
    @Transactional
    public Regenerated regenerate(UUID id, ComponentKind kind, String provider, String model, Long seed) {
        Actor actor = CurrentActor.require();
        Creative creative = find(id);
        creative.requireLive();
        if (!kind.isText()) {
            throw new InvalidInputException("kind", "only text parts are generated here; images and videos are rendered");
        }
        CreativeComponent component = creative.component(kind);
        component.requireUnlocked();
        CampaignSnapshot campaign = requireCampaign(creative.getCampaignId());
        ContentBrief brief = briefs.brief(campaign, creative.getStrategyVersion(), creative.getTopic());
        Generated g = generate(kind, creative.getChannels(), brief, brands.voiceFor(campaign.id()), seed, provider, model);
        ComponentVersion v = component.generated(g.text().text(), Authorship.generator(g.text(), g.seed(), actor.userId()),
                creative.getStrategyVersion(), clock.instant());
        boolean replaced = Objects.equals(component.getCurrentVersion(), v.getNumber());
        if (replaced) {
            afterChange(creative, actor, "its " + kind.label().toLowerCase());
        }
        CreativeView view = flushed(creative);
        return new Regenerated(view, v.view(replaced), replaced);
    }

    /** A rendered asset as the current image or video; see {@link io.flightdeck.content.CreativeMedia#attachRendered}. */
    @Transactional
    public io.flightdeck.content.CreativeMedia.AttachOutcome attachRendered(UUID id, ComponentKind kind, UUID assetId,
            List<UUID> variants, String provider, String model) {
        Actor actor = CurrentActor.require();
        Creative creative = creatives.findById(id).orElse(null);
        if (creative == null || creative.isDeleted() || campaigns.find(creative.getCampaignId()).isEmpty()) {
            return io.flightdeck.content.CreativeMedia.AttachOutcome.CREATIVE_GONE;
        }
        if (kind.isText()) {
            throw new IllegalArgumentException("A render is an image or a video, not " + kind);
        }
        CreativeComponent component = creative.component(kind);
        if (assetId.equals(component.getAssetId())) {
            return io.flightdeck.content.CreativeMedia.AttachOutcome.ALREADY_CURRENT;
        }
        if (component.isLocked()) {
            return io.flightdeck.content.CreativeMedia.AttachOutcome.LOCKED;
        }
        component.rendered(assetId, new Authorship(actor.userId(), provider, model, null, null),
                creative.getStrategyVersion(), clock.instant());
        if (kind == ComponentKind.IMAGE) {
            creative.imageVariants(variants.contains(assetId) ? variants : List.of(assetId));
        }
        afterChange(creative, actor, "its " + kind.label().toLowerCase() + " (rendered)");
        creatives.flush();
        return io.flightdeck.content.CreativeMedia.AttachOutcome.ATTACHED;
    }

    /** @param replaced false when a person's text stayed and the new version waits as a candidate */
    public record Regenerated(CreativeView creative, ComponentVersionView version, boolean replaced) {
    }

    @Transactional
    public CreativeView promote(UUID id, ComponentKind kind, int number, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Creative creative = find(id);
        creative.requireLive();
        checkVersion(creative, expectedVersion);
        CreativeComponent component = creative.component(kind);
        if (Objects.equals(component.getCurrentVersion(), number)) {
            return creative.view();
        }
        component.promote(number);
        afterChange(creative, actor, "its " + kind.label().toLowerCase());
        return flushed(creative);
    }

    @Transactional
    public CreativeView lock(UUID id, ComponentKind kind, boolean locked) {
        Actor actor = CurrentActor.require();
        Creative creative = find(id);
        creative.requireLive();
        creative.component(kind).lock(locked);
        creative.touched(actor.userId(), clock.instant());
        return flushed(creative);
    }

    /**
     * Catches a stale creative up with the strategy: regenerates only its stale parts that are neither locked nor a
     * person's, from the current version, and keeps the rest.
     */
    @Transactional
    public CreativeView refresh(UUID id, String provider, String model) {
        Actor actor = CurrentActor.require();
        Creative creative = find(id);
        creative.requireLive();
        if (creative.getStaleAgainstVersion() == null) {
            throw new ConflictException("creative-not-stale", "The creative already follows the current strategy");
        }
        CampaignSnapshot campaign = requireCampaign(creative.getCampaignId());
        Integer version = currentStrategy(campaign.id());
        int target = version == null ? creative.getStaleAgainstVersion() : version;
        ContentBrief brief = briefs.brief(campaign, target, creative.getTopic());
        BrandVoice brand = brands.voiceFor(campaign.id());
        Map<ComponentKind, Generated> fresh = new EnumMap<>(ComponentKind.class);
        for (CreativeComponent c : creative.getComponents()) {
            if (c.refreshable()) {
                fresh.put(c.getKind(), generate(c.getKind(), creative.getChannels(), brief, brand, null, provider, model));
            }
        }
        Instant now = clock.instant();
        fresh.forEach((kind, g) -> creative.component(kind).generated(g.text().text(),
                Authorship.generator(g.text(), g.seed(), actor.userId()), target, now));
        creative.refreshed(target);
        afterChange(creative, actor, "a refresh from strategy version " + target);
        return flushed(creative);
    }

    @Transactional
    public CreativeView submit(UUID id) {
        CurrentActor.require();
        Creative creative = find(id);
        creative.requireLive();
        if (creative.isEmpty()) {
            throw new ConflictException("creative-empty", "Write or generate at least one part before sending it for review");
        }
        UUID approval = approvals.submit(submission(creative));
        creative.submitted(approval);
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

    /**
     * An approval decided about the creative. Reads where its approval stands now rather than trusting the event, so a
     * late or repeated delivery of an earlier cycle's decision cannot approve what was changed since.
     */
    @Transactional
    public void followReview(UUID id) {
        creatives.findById(id).ifPresent(c -> approvals.stateOf(ITEM_TYPE, id).ifPresent(state -> {
            switch (state) {
                case APPROVED -> c.decided(true);
                case REJECTED -> c.decided(false);
                default -> { }
            }
        }));
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

    /**
     * After a part changed: the creative's revision moves on, and a creative in review or approved goes back to review
     * with it (its item approval restarts for the new revision). The campaign's content scope stays as it is: posts
     * carrying an approved revision may still go out, and only the posts that carry the new one wait for its review.
     */
    void afterChange(Creative creative, Actor actor, String what) {
        Creative.Change change = creative.changed(actor.userId(), clock.instant());
        if (change == Creative.Change.DRAFT) {
            return;
        }
        approvals.submit(submission(creative));
    }

    ItemSubmission submission(Creative creative) {
        int words = creative.getComponents().stream().filter(c -> c.getKind().isText() && c.getText() != null)
                .mapToInt(c -> c.getText().strip().isEmpty() ? 0 : c.getText().strip().split("\\s+").length).sum();
        return new ItemSubmission(creative.getCampaignId(), SCOPE, ITEM_TYPE, creative.getId(), creative.getTitle(),
                words, null, creative.getRevision());
    }

    private Generated generate(ComponentKind kind, Set<Channel> channels, ContentBrief brief, BrandVoice brand, Long seed,
            String provider, String model) {
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        GeneratedText text = generator.generate(briefs.request(kind, channels, brief, brand, s, provider, model));
        return new Generated(text, s);
    }

    private record Generated(GeneratedText text, long seed) {
    }

    /** The text parts a creative for these channels has: a script only where video is the format. */
    static List<ComponentKind> textKindsFor(Set<Channel> channels) {
        List<ComponentKind> kinds = new ArrayList<>(List.of(ComponentKind.CAPTION, ComponentKind.HASHTAGS,
                ComponentKind.HEADLINE, ComponentKind.CTA));
        if (channels.contains(Channel.TIKTOK) || channels.contains(Channel.YOUTUBE)) {
            kinds.add(ComponentKind.SCRIPT);
        }
        return kinds;
    }

    private Integer currentStrategy(UUID campaignId) {
        var v = strategies.currentVersion(campaignId);
        return v.isPresent() ? v.getAsInt() : null;
    }

    private Map<ComponentKind, String> checkTexts(Map<ComponentKind, String> texts) {
        Map<ComponentKind, String> clean = new EnumMap<>(ComponentKind.class);
        texts.forEach((kind, text) -> {
            if (!kind.isText()) {
                throw new InvalidInputException("texts", "the " + kind.label().toLowerCase() + " is an asset, not text");
            }
            if (text != null && !text.isBlank()) {
                clean.put(kind, checkText(kind, text));
            }
        });
        return clean;
    }

    private static String checkText(ComponentKind kind, String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "the " + kind.label().toLowerCase() + " is longer than "
                    + MAX_TEXT + " characters");
        }
        return t;
    }

    private void checkAsset(UUID assetId, AssetType type, String field) {
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

    private static String requireTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        if (t.length() > 200) {
            throw new InvalidInputException("title", "at most 200 characters");
        }
        return t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private CampaignSnapshot requireCampaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
    }

    Creative find(UUID id) {
        Creative creative = creatives.findById(id).orElseThrow(() -> new NotFoundException("Creative"));
        // a trashed campaign's creatives are as gone as the campaign
        requireCampaign(creative.getCampaignId());
        return creative;
    }

    private CreativeView flushed(Creative creative) {
        creatives.flush();
        return creative.view();
    }

    private static void checkVersion(Creative creative, Long expected) {
        if (expected != null && !Objects.equals(expected, creative.getVersion())) {
            throw new PreconditionFailedException(creative.getVersion());
        }
    }
}

package io.flightdeck.campaigns.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignCreated;
import io.flightdeck.campaigns.CampaignDeleted;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignLabel;
import io.flightdeck.campaigns.CampaignRestored;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns of the current workspace: create, read, list, update, soft-delete and restore, and the activity feed.
 * The lifecycle is {@link CampaignLifecycle}'s, readiness {@link CampaignReadiness}'s. Callers check roles; the rules
 * that depend on state are here.
 */
@Service
public class Campaigns implements CampaignDirectory {

    static final int MAX_TAGS = 20;

    private final CampaignRepository campaigns;
    private final CampaignActivityRepository activity;
    private final MemberDirectory members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Campaigns(CampaignRepository campaigns, CampaignActivityRepository activity, MemberDirectory members,
            ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.activity = activity;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CampaignView create(CampaignDetails details) {
        Actor actor = CurrentActor.require();
        CampaignDetails checked = validate(details, actor);
        Instant now = clock.instant();
        Campaign campaign = campaigns.save(new Campaign(checked, actor.userId(), now));
        log(campaign, actor, "created", "created the campaign", now);
        events.publishEvent(new CampaignCreated(actor.workspaceId(), campaign.getId(), actor.userId(), now));
        return view(campaign);
    }

    /**
     * One statement (names come from the member cache), so no transaction: a read-only one cost a second round trip
     * for its COMMIT, a fifth of PostgreSQL's work for the API's most frequent read (docs/benchmarks.md).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public CampaignView get(UUID id) {
        return view(live(id));
    }

    @Transactional(readOnly = true)
    public Page<CampaignView> list(CampaignFilter filter, Pageable pageable) {
        Page<Campaign> page = campaigns.findAll(filter.toSpecification(), pageable);
        Map<UUID, String> names = members.displayNames(page.stream().flatMap(Campaign::people).toList());
        return page.map(c -> c.view(id -> id == null ? null : names.getOrDefault(id, "Former member")));
    }

    @Transactional
    public CampaignView update(UUID id, CampaignDetails details, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Campaign campaign = live(id);
        campaign.requireVersion(expectedVersion);
        CampaignSnapshot before = campaign.snapshot();
        CampaignDetails checked = validate(details, actor);
        Instant now = clock.instant();
        campaign.update(checked, actor.userId(), now);
        List<String> changed = changedFields(before, campaign.snapshot());
        if (!changed.isEmpty()) {
            log(campaign, actor, "updated", "changed the " + sentence(changed), now);
        }
        campaigns.flush();
        return view(campaign);
    }

    @Transactional
    public void delete(UUID id) {
        Actor actor = CurrentActor.require();
        Campaign campaign = live(id);
        Instant now = clock.instant();
        campaign.delete(actor.userId(), now);
        log(campaign, actor, "deleted", "moved the campaign to the trash", now);
        events.publishEvent(new CampaignDeleted(actor.workspaceId(), id, actor.userId(), now));
    }

    /** Brings a deleted campaign back. */
    @Transactional
    public CampaignView restore(UUID id) {
        Actor actor = CurrentActor.require();
        Campaign campaign = campaigns.findById(id).filter(c -> c.getDeletedAt() != null)
                .orElseThrow(() -> new NotFoundException("The deleted campaign"));
        Instant now = clock.instant();
        campaign.restore(actor.userId(), now);
        log(campaign, actor, "restored", "restored the campaign from the trash", now);
        events.publishEvent(new CampaignRestored(actor.workspaceId(), id, actor.userId(), now));
        return view(campaign);
    }

    @Transactional(readOnly = true)
    public Page<ActivityView> activity(UUID id, Pageable pageable) {
        live(id);
        return activity.findByCampaignIdOrderByOccurredAtDesc(id, pageable).map(CampaignActivity::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CampaignSnapshot> find(UUID campaignId) {
        return campaigns.findLive(campaignId).map(Campaign::snapshot);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, CampaignSnapshot> findAll(Collection<UUID> campaignIds) {
        return campaignIds.isEmpty() ? Map.of() : campaigns.findAllLive(campaignIds).stream()
                .collect(Collectors.toMap(Campaign::getId, Campaign::snapshot));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, CampaignLabel> labels(Collection<UUID> campaignIds) {
        return campaignIds.isEmpty() ? Map.of() : campaigns.labelsOfLive(campaignIds).stream()
                .collect(Collectors.toMap(CampaignLabel::id, label -> label));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignSnapshot> inStatus(CampaignStatus status, int limit) {
        return campaigns.findByStatusAndDeletedAtIsNullOrderByCreatedAt(status, PageRequest.of(0, Math.min(limit, 500)))
                .stream().map(Campaign::snapshot).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignSnapshot> inStatuses(Collection<CampaignStatus> statuses, int limit) {
        return campaigns.findLiveInStatuses(statuses, PageRequest.of(0, Math.min(limit, 3000))).stream()
                .map(Campaign::snapshot).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignSnapshot> ownedBy(UUID ownerId, Collection<CampaignStatus> statuses, int limit) {
        List<UUID> ids = campaigns.findOwnedIds(ownerId, statuses, PageRequest.of(0, Math.min(limit, 100)));
        Map<UUID, CampaignSnapshot> found = findAll(ids);
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    Campaign live(UUID id) {
        return campaigns.findLive(id).orElseThrow(() -> new NotFoundException("The campaign"));
    }

    CampaignView view(Campaign campaign) {
        Map<UUID, String> names = members.displayNames(campaign.people().toList());
        return campaign.view(id -> id == null ? null : names.getOrDefault(id, "Former member"));
    }

    private CampaignDetails validate(CampaignDetails d, Actor actor) {
        if (d.startDate() != null && d.endDate() != null && d.endDate().isBefore(d.startDate())) {
            throw new InvalidInputException("endDate", "must not be before the start date");
        }
        if (d.budget() != null && d.budget().amount().signum() < 0) {
            throw new InvalidInputException("budgetAmount", "must not be negative");
        }
        UUID owner = d.ownerId() == null ? actor.userId() : d.ownerId();
        if (!owner.equals(actor.userId()) && members.find(owner).isEmpty()) {
            throw new InvalidInputException("ownerId", "must be a member of this workspace");
        }
        java.util.Set<String> tags = d.tags() == null ? java.util.Set.of() : d.tags().stream()
                .filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "at most " + MAX_TAGS + " tags");
        }
        if (tags.stream().anyMatch(t -> t.length() > 60)) {
            throw new InvalidInputException("tags", "each tag is at most 60 characters");
        }
        return new CampaignDetails(d.name().strip(), blankToNull(d.description()), d.type(), blankToNull(d.objective()),
                d.priority(), d.channels() == null ? java.util.Set.of() : d.channels(), tags, d.startDate(), d.endDate(),
                d.budget(), owner);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    void log(Campaign campaign, Actor actor, String verb, String summary, Instant now) {
        activity.save(new CampaignActivity(campaign.getId(), actor.userId(),
                actor.viaApiKey() ? actor.displayName() + " (API key)" : actor.displayName(), verb, summary, now));
    }

    /** The names of what changed, in form order, for the activity sentence. */
    private static List<String> changedFields(CampaignSnapshot a, CampaignSnapshot b) {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        fields.put("name", !Objects.equals(a.name(), b.name()));
        fields.put("description", !Objects.equals(a.description(), b.description()));
        fields.put("type", a.type() != b.type());
        fields.put("objective", !Objects.equals(a.objective(), b.objective()));
        fields.put("priority", a.priority() != b.priority());
        fields.put("channels", !a.channels().equals(b.channels()));
        fields.put("tags", !a.tags().equals(b.tags()));
        fields.put("dates", !Objects.equals(a.startDate(), b.startDate()) || !Objects.equals(a.endDate(), b.endDate()));
        fields.put("budget", !sameBudget(a, b));
        fields.put("owner", !Objects.equals(a.ownerId(), b.ownerId()));
        return fields.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    private static boolean sameBudget(CampaignSnapshot a, CampaignSnapshot b) {
        if (a.budget() == null || b.budget() == null) {
            return a.budget() == b.budget();
        }
        return a.budget().amount().compareTo(b.budget().amount()) == 0 && a.budget().currency().equals(b.budget().currency());
    }

    private static String sentence(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}

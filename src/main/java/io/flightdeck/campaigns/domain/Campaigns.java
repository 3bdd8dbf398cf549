package io.flightdeck.campaigns.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignArchived;
import io.flightdeck.campaigns.CampaignCancelled;
import io.flightdeck.campaigns.CampaignCompleted;
import io.flightdeck.campaigns.CampaignCreated;
import io.flightdeck.campaigns.CampaignDeleted;
import io.flightdeck.campaigns.CampaignRestored;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignLaunched;
import io.flightdeck.campaigns.CampaignMarkedReady;
import io.flightdeck.campaigns.CampaignPaused;
import io.flightdeck.campaigns.CampaignPlanningStarted;
import io.flightdeck.campaigns.CampaignResumed;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.CampaignTransition;
import io.flightdeck.campaigns.Readiness;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns of the current workspace: create, read, list, update, soft-delete and restore, the lifecycle with its
 * readiness gate, and the activity feed. Callers check roles; the rules that depend on state are here.
 */
@Service
public class Campaigns implements CampaignDirectory {

    static final int MAX_TAGS = 20;

    private final CampaignRepository campaigns;
    private final CampaignActivityRepository activity;
    private final CampaignSettingsRepository settings;
    /** Looked up when scoring, not at construction: the checks of other modules read campaigns through this service. */
    private final ObjectProvider<ReadinessCheck> readinessChecks;
    private final MemberDirectory members;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Jobs jobs;

    Campaigns(CampaignRepository campaigns, CampaignActivityRepository activity, CampaignSettingsRepository settings,
            ObjectProvider<ReadinessCheck> readinessChecks, MemberDirectory members, ApplicationEventPublisher events, Clock clock,
            Jobs jobs) {
        this.jobs = jobs;
        this.campaigns = campaigns;
        this.activity = activity;
        this.settings = settings;
        this.readinessChecks = readinessChecks;
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

    @Transactional(readOnly = true)
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
        checkVersion(campaign, expectedVersion);
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

    /** A lifecycle move with no launch warnings confirmed; see the full form. */
    @Transactional
    public CampaignView transition(UUID id, CampaignTransition transition, boolean force, String reason, Long expectedVersion) {
        return transition(id, transition, force, reason, false, expectedVersion);
    }

    /**
     * Moves a campaign along its lifecycle. The campaign refuses a move its status does not allow; marking it ready
     * and launching it also answer to the {@link LaunchPolicy}, and a launch with warnings (early, or the plan ends
     * late) must be {@code confirmed}. Launching now drops a scheduled launch.
     */
    @Transactional
    public CampaignView transition(UUID id, CampaignTransition transition, boolean force, String reason, boolean confirmed,
            Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Campaign campaign = live(id);
        checkVersion(campaign, expectedVersion);
        // an illegal move is answered as such before readiness is worked out
        campaign.requireAllowed(transition);
        String summary = transition.pastTense();
        boolean forced = false;
        if (transition == CampaignTransition.MARK_READY) {
            LaunchPolicy.requireMarkReady(readiness(campaign));
        } else if (transition == CampaignTransition.LAUNCH) {
            Readiness readiness = readiness(campaign);
            LaunchPolicy.Launch launch = LaunchPolicy.launch(readiness, force, reason, actor.role());
            List<LaunchWarning> warnings = LaunchPolicy.warnings(campaign.snapshot(), readiness, today());
            LaunchPolicy.requireConfirmed(warnings, confirmed);
            if (launch.forced()) {
                forced = true;
                campaign.recordForcedLaunch(actor.userId(), launch.reason());
                summary = "launched the campaign at " + readiness.score() + "% readiness (threshold "
                        + readiness.threshold() + "%), forcing it: " + launch.reason();
            }
            if (!warnings.isEmpty()) {
                summary += ", confirming: " + warnings.stream().map(LaunchWarning::message).collect(Collectors.joining(" "));
            }
        }
        Instant now = clock.instant();
        if (campaign.getLaunchScheduledFor() != null) {
            // launched now or cancelled: the scheduled launch has nothing left to do
            jobs.cancel(LaunchJob.KIND, campaign.getId());
            campaign.clearScheduledLaunch(actor.userId(), now);
        }
        campaign.move(transition, actor.userId(), now);
        log(campaign, actor, transition.path(), summary, now);
        events.publishEvent(eventFor(transition, actor, campaign.getId(), now, forced));
        campaigns.flush();
        return view(campaign);
    }

    /**
     * One Launch from wherever the campaign stands: from a draft or planning it moves through planning and ready
     * first, each move checked, recorded and announced as if made by hand, all or nothing (a refusal at any step, such
     * as readiness below the threshold or unconfirmed warnings, leaves the campaign where it was). No forcing here: a
     * launch below the threshold is the ready campaign's own, deliberate action.
     */
    @Transactional
    public CampaignView launchThrough(UUID id, boolean confirmed, Long expectedVersion) {
        Campaign campaign = live(id);
        checkVersion(campaign, expectedVersion);
        LaunchWalk walk = LaunchWalk.of(campaign.getStatus());
        if (walk.steps().isEmpty()) {
            campaign.requireAllowed(CampaignTransition.LAUNCH);
        }
        if (walk.walks()) {
            // refused before the first move, so a refusal publishes nothing, not even to be rolled back
            Readiness readiness = readiness(campaign);
            LaunchPolicy.requireMarkReady(readiness);
            LaunchPolicy.requireConfirmed(LaunchPolicy.warnings(campaign.snapshot(), readiness, today()), confirmed);
        }
        for (CampaignTransition step : walk.before()) {
            transition(id, step, false, null, false, null);
        }
        return transition(id, CampaignTransition.LAUNCH, false, null, confirmed, null);
    }

    /** What a launch right now would have to confirm (for the launch dialog), given the readiness just read. */
    @Transactional(readOnly = true)
    public List<LaunchWarning> launchWarnings(UUID id, Readiness readiness) {
        return LaunchPolicy.warnings(live(id).snapshot(), readiness, today());
    }

    /**
     * Schedules the launch of a ready campaign for its start date, as a durable job that checks the gate again when it
     * runs. The gate must pass now too (no forcing: nobody is there to say why when it runs); what still holds on the
     * start date (the plan ends late) must be {@code confirmed}. Scheduling again keeps one job.
     */
    @Transactional
    public CampaignView scheduleLaunch(UUID id, boolean confirmed, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Campaign campaign = live(id);
        checkVersion(campaign, expectedVersion);
        campaign.requireAllowed(CampaignTransition.LAUNCH);
        LocalDate start = campaign.snapshot().startDate();
        if (start == null || !start.isAfter(today())) {
            throw new ConflictException("launch-not-schedulable", start == null
                    ? "The campaign has no start date to launch on; set one, or launch it now."
                    : "The start date " + LaunchPolicy.IN_WORDS.format(start) + " is not in the future; launch it now instead.",
                    Map.of("startDate", String.valueOf(start)));
        }
        Readiness readiness = readiness(campaign);
        LaunchPolicy.launch(readiness, false, null, actor.role());
        List<LaunchWarning> warnings = LaunchPolicy.laterWarnings(campaign.snapshot(), readiness);
        LaunchPolicy.requireConfirmed(warnings, confirmed);
        Instant now = clock.instant();
        campaign.scheduleLaunch(start, actor.userId(), now);
        jobs.wake(LaunchJob.KIND, actor.workspaceId(), campaign.getId(), start.atStartOfDay(CurrentActor.zone()).toInstant());
        log(campaign, actor, "launch-scheduled", "scheduled the launch for " + LaunchPolicy.IN_WORDS.format(start)
                + (warnings.isEmpty() ? "" : ", confirming: " + warnings.stream().map(LaunchWarning::message)
                        .collect(Collectors.joining(" "))), now);
        campaigns.flush();
        return view(campaign);
    }

    /** Cancels a scheduled launch; the campaign stays ready. */
    @Transactional
    public CampaignView cancelScheduledLaunch(UUID id, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Campaign campaign = live(id);
        checkVersion(campaign, expectedVersion);
        LocalDate date = campaign.getLaunchScheduledFor();
        if (date == null) {
            throw new ConflictException("no-launch-scheduled", "No launch is scheduled for this campaign.", Map.of());
        }
        jobs.cancel(LaunchJob.KIND, campaign.getId());
        Instant now = clock.instant();
        campaign.clearScheduledLaunch(actor.userId(), now);
        log(campaign, actor, "launch-unscheduled", "cancelled the launch scheduled for " + LaunchPolicy.IN_WORDS.format(date), now);
        campaigns.flush();
        return view(campaign);
    }

    /**
     * Runs a scheduled launch, as the member who scheduled it, inside the campaign's workspace. It checks the gate
     * again: when it passes the campaign launches; when it does not, or the campaign is no longer ready, the activity
     * says why and the campaign stays as it was. Either way the schedule is used up. Returns whether it launched.
     */
    @Transactional
    public boolean runScheduledLaunch(UUID id) {
        Campaign campaign = campaigns.findLive(id).orElse(null);
        if (campaign == null || campaign.getLaunchScheduledFor() == null) {
            return false; // deleted, cancelled or launched since: nothing to do
        }
        Actor actor = CurrentActor.require();
        String date = LaunchPolicy.IN_WORDS.format(campaign.getLaunchScheduledFor());
        Instant now = clock.instant();
        campaign.clearScheduledLaunch(actor.userId(), now);
        String refusal = null;
        if (!CampaignTransition.LAUNCH.allowedFrom(campaign.getStatus())) {
            refusal = "the campaign is " + campaign.getStatus().label().toLowerCase() + ", not ready";
        } else {
            Readiness readiness = readiness(campaign);
            if (!readiness.blockers().isEmpty()) {
                refusal = "blocked by " + readiness.blockers().stream().map(ReadinessItem::label)
                        .collect(Collectors.joining(", "));
            } else if (!readiness.meetsThreshold()) {
                refusal = "readiness is " + readiness.score() + "%, below the launch threshold of " + readiness.threshold()
                        + "% (missing: " + readiness.missing().stream().map(ReadinessItem::label)
                                .collect(Collectors.joining(", ")) + ")";
            } else if (!actor.role().includes(Role.MANAGER)) {
                refusal = actor.displayName() + ", who scheduled it, is no longer a manager";
            }
        }
        if (refusal != null) {
            log(campaign, actor, "launch-skipped", "scheduled the launch for " + date + ", which did not happen: "
                    + refusal, now);
            campaigns.flush();
            return false;
        }
        campaign.move(CampaignTransition.LAUNCH, actor.userId(), now);
        log(campaign, actor, "launch", "launched the campaign as scheduled for " + date, now);
        events.publishEvent(eventFor(CampaignTransition.LAUNCH, actor, campaign.getId(), now, false));
        campaigns.flush();
        return true;
    }

    /** The member who scheduled the campaign's launch, if one is scheduled. */
    @Transactional(readOnly = true)
    public Optional<UUID> launchScheduledBy(UUID id) {
        return campaigns.findLive(id).map(Campaign::getLaunchScheduledBy);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CurrentActor.zone()));
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
    public Readiness readiness(UUID id) {
        return readiness(live(id));
    }

    @Transactional(readOnly = true)
    public Page<ActivityView> activity(UUID id, Pageable pageable) {
        live(id);
        return activity.findByCampaignIdOrderByOccurredAtDesc(id, pageable).map(CampaignActivity::view);
    }

    @Transactional(readOnly = true)
    public int readinessThreshold() {
        return settings.findFirstBy().map(CampaignSettings::getReadinessThreshold)
                .orElse(CampaignSettings.DEFAULT_READINESS_THRESHOLD);
    }

    @Transactional
    public int changeReadinessThreshold(int threshold) {
        if (threshold < 0 || threshold > 100) {
            throw new InvalidInputException("readinessThreshold", "must be between 0 and 100");
        }
        CampaignSettings row = settings.findFirstBy().orElseGet(() -> settings.save(new CampaignSettings()));
        row.setReadinessThreshold(threshold);
        return threshold;
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

    private Readiness readiness(Campaign campaign) {
        CampaignSnapshot snapshot = campaign.snapshot();
        List<ReadinessItem> items = new ArrayList<>();
        readinessChecks.orderedStream().forEach(check -> items.addAll(check.check(snapshot)));
        return Readiness.of(items, readinessThreshold());
    }

    private Campaign live(UUID id) {
        return campaigns.findLive(id).orElseThrow(() -> new NotFoundException("The campaign"));
    }

    private static void checkVersion(Campaign campaign, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != campaign.getVersion()) {
            throw new PreconditionFailedException(campaign.getVersion());
        }
    }

    private CampaignView view(Campaign campaign) {
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

    private void log(Campaign campaign, Actor actor, String verb, String summary, Instant now) {
        activity.save(new CampaignActivity(campaign.getId(), actor.userId(),
                actor.viaApiKey() ? actor.displayName() + " (API key)" : actor.displayName(), verb, summary, now));
    }

    private static Object eventFor(CampaignTransition transition, Actor actor, UUID id, Instant now, boolean forced) {
        UUID ws = actor.workspaceId();
        UUID by = actor.userId();
        return switch (transition) {
            case PLAN -> new CampaignPlanningStarted(ws, id, by, now);
            case MARK_READY -> new CampaignMarkedReady(ws, id, by, now);
            case LAUNCH -> new CampaignLaunched(ws, id, by, now, forced);
            case PAUSE -> new CampaignPaused(ws, id, by, now);
            case RESUME -> new CampaignResumed(ws, id, by, now);
            case COMPLETE -> new CampaignCompleted(ws, id, by, now);
            case ARCHIVE -> new CampaignArchived(ws, id, by, now);
            case CANCEL -> new CampaignCancelled(ws, id, by, now);
        };
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

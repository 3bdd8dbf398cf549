package io.flightdeck.campaigns.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignArchived;
import io.flightdeck.campaigns.CampaignCancelled;
import io.flightdeck.campaigns.CampaignCompleted;
import io.flightdeck.campaigns.CampaignLaunched;
import io.flightdeck.campaigns.CampaignMarkedReady;
import io.flightdeck.campaigns.CampaignPaused;
import io.flightdeck.campaigns.CampaignPlanningStarted;
import io.flightdeck.campaigns.CampaignResumed;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's lifecycle: the moves along it (the campaign refuses those its status does not allow), the readiness
 * gate before marking it ready and launching it, the one-click launch from wherever it stands, and a launch
 * scheduled for its start date. Each move is recorded in the activity and announced as an event.
 */
@Service
public class CampaignLifecycle {

    private final CampaignRepository repository;
    private final Campaigns campaigns;
    private final CampaignReadiness scores;
    private final ApplicationEventPublisher events;
    private final Jobs jobs;
    private final Clock clock;

    CampaignLifecycle(CampaignRepository repository, Campaigns campaigns, CampaignReadiness scores,
            ApplicationEventPublisher events, Jobs jobs, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.scores = scores;
        this.events = events;
        this.jobs = jobs;
        this.clock = clock;
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
        return move(id, transition, force, reason, confirmed, expectedVersion, false);
    }

    /** {@code readyForForcedLaunch}: marking ready on the way to a launch a manager forces, checked before the walk. */
    private CampaignView move(UUID id, CampaignTransition transition, boolean force, String reason, boolean confirmed,
            Long expectedVersion, boolean readyForForcedLaunch) {
        Actor actor = CurrentActor.require();
        Campaign campaign = campaigns.live(id);
        campaign.requireVersion(expectedVersion);
        // an illegal move is answered as such before readiness is worked out
        campaign.requireAllowed(transition);
        String summary = transition.pastTense();
        boolean forced = false;
        if (transition == CampaignTransition.MARK_READY && !readyForForcedLaunch) {
            LaunchPolicy.requireMarkReady(scores.readiness(campaign));
        } else if (transition == CampaignTransition.LAUNCH) {
            Readiness readiness = scores.readiness(campaign);
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
        campaigns.log(campaign, actor, transition.path(), summary, now);
        events.publishEvent(eventFor(transition, actor, campaign.getId(), now, forced));
        repository.flush();
        return campaigns.view(campaign);
    }

    /**
     * One Launch from wherever the campaign stands: from a draft or planning it moves through planning and ready
     * first, each move checked, recorded and announced as if made by hand, all or nothing (a refusal at any step, such
     * as readiness below the threshold or unconfirmed warnings, leaves the campaign where it was). A manager may
     * {@code force} it past the threshold with a reason when the score is the only obstacle, as a ready campaign's
     * launch: it is marked ready on the way, and the launch records the forcing.
     */
    @Transactional
    public CampaignView launchThrough(UUID id, boolean confirmed, boolean force, String reason, Long expectedVersion) {
        Campaign campaign = campaigns.live(id);
        campaign.requireVersion(expectedVersion);
        LaunchWalk walk = LaunchWalk.of(campaign.getStatus());
        if (walk.steps().isEmpty()) {
            campaign.requireAllowed(CampaignTransition.LAUNCH);
        }
        boolean forced = false;
        if (walk.walks()) {
            // refused before the first move, so a refusal publishes nothing, not even to be rolled back
            Readiness readiness = scores.readiness(campaign);
            if (force) {
                forced = LaunchPolicy.launch(readiness, true, reason, CurrentActor.require().role()).forced();
            } else {
                LaunchPolicy.requireMarkReady(readiness);
            }
            LaunchPolicy.requireConfirmed(LaunchPolicy.warnings(campaign.snapshot(), readiness, today()), confirmed);
        }
        for (CampaignTransition step : walk.before()) {
            move(id, step, false, null, false, null, forced);
        }
        return transition(id, CampaignTransition.LAUNCH, force, reason, confirmed, null);
    }

    /** What a launch right now would have to confirm (for the launch dialog), given the readiness just read. */
    @Transactional(readOnly = true)
    public List<LaunchWarning> launchWarnings(UUID id, Readiness readiness) {
        return LaunchPolicy.warnings(campaigns.live(id).snapshot(), readiness, today());
    }

    /**
     * Schedules the launch of a ready campaign for its start date, as a durable job that checks the gate again when it
     * runs. The gate must pass now too (no forcing: nobody is there to say why when it runs); what still holds on the
     * start date (the plan ends late) must be {@code confirmed}. Scheduling again keeps one job.
     */
    @Transactional
    public CampaignView scheduleLaunch(UUID id, boolean confirmed, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Campaign campaign = campaigns.live(id);
        campaign.requireVersion(expectedVersion);
        campaign.requireAllowed(CampaignTransition.LAUNCH);
        LocalDate start = campaign.snapshot().startDate();
        if (start == null || !start.isAfter(today())) {
            throw new ConflictException("launch-not-schedulable", start == null
                    ? "The campaign has no start date to launch on; set one, or launch it now."
                    : "The start date " + LaunchPolicy.IN_WORDS.format(start) + " is not in the future; launch it now instead.",
                    Map.of("startDate", String.valueOf(start)));
        }
        Readiness readiness = scores.readiness(campaign);
        LaunchPolicy.launch(readiness, false, null, actor.role());
        List<LaunchWarning> warnings = LaunchPolicy.laterWarnings(campaign.snapshot(), readiness);
        LaunchPolicy.requireConfirmed(warnings, confirmed);
        Instant now = clock.instant();
        campaign.scheduleLaunch(start, actor.userId(), now);
        jobs.wake(LaunchJob.KIND, actor.workspaceId(), campaign.getId(), start.atStartOfDay(CurrentActor.zone()).toInstant());
        campaigns.log(campaign, actor, "launch-scheduled", "scheduled the launch for " + LaunchPolicy.IN_WORDS.format(start)
                + (warnings.isEmpty() ? "" : ", confirming: " + warnings.stream().map(LaunchWarning::message)
                        .collect(Collectors.joining(" "))), now);
        repository.flush();
        return campaigns.view(campaign);
    }

    /** Cancels a scheduled launch; the campaign stays ready. */
    @Transactional
    public CampaignView cancelScheduledLaunch(UUID id, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Campaign campaign = campaigns.live(id);
        campaign.requireVersion(expectedVersion);
        LocalDate date = campaign.getLaunchScheduledFor();
        if (date == null) {
            throw new ConflictException("no-launch-scheduled", "No launch is scheduled for this campaign.", Map.of());
        }
        jobs.cancel(LaunchJob.KIND, campaign.getId());
        Instant now = clock.instant();
        campaign.clearScheduledLaunch(actor.userId(), now);
        campaigns.log(campaign, actor, "launch-unscheduled", "cancelled the launch scheduled for " + LaunchPolicy.IN_WORDS.format(date), now);
        repository.flush();
        return campaigns.view(campaign);
    }

    /**
     * Runs a scheduled launch, as the member who scheduled it, inside the campaign's workspace. It checks the gate
     * again: when it passes the campaign launches; when it does not, or the campaign is no longer ready, the activity
     * says why and the campaign stays as it was. Either way the schedule is used up. Returns whether it launched.
     */
    @Transactional
    public boolean runScheduledLaunch(UUID id) {
        Campaign campaign = repository.findLive(id).orElse(null);
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
            Readiness readiness = scores.readiness(campaign);
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
            campaigns.log(campaign, actor, "launch-skipped", "scheduled the launch for " + date + ", which did not happen: "
                    + refusal, now);
            repository.flush();
            return false;
        }
        campaign.move(CampaignTransition.LAUNCH, actor.userId(), now);
        campaigns.log(campaign, actor, "launch", "launched the campaign as scheduled for " + date, now);
        events.publishEvent(eventFor(CampaignTransition.LAUNCH, actor, campaign.getId(), now, false));
        repository.flush();
        return true;
    }

    /** The member who scheduled the campaign's launch, if one is scheduled. */
    @Transactional(readOnly = true)
    public Optional<UUID> launchScheduledBy(UUID id) {
        return repository.findLive(id).map(Campaign::getLaunchScheduledBy);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CurrentActor.zone()));
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
}

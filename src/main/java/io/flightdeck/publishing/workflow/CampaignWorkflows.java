package io.flightdeck.publishing.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.publishing.posts.PostBlocker;
import io.flightdeck.publishing.posts.SocialPostReader;
import io.flightdeck.publishing.posts.SocialPostReader.PostCounts;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign workflows: started by the launch, held by a pause, resumed, finished with the campaign; and each run of a
 * workflow's task, which advances the current step as far as it can and says when to look again.
 */
@Service
@Transactional
public class CampaignWorkflows {

    /** How often a running workflow looks again while a step waits or posts are still going out. */
    static final Duration LOOK_AGAIN = Duration.ofMinutes(1);

    private final CampaignWorkflowRepository workflows;
    private final SocialPostReader posts;
    private final CampaignDirectory campaigns;
    private final Jobs jobs;
    private final Clock clock;

    CampaignWorkflows(CampaignWorkflowRepository workflows, SocialPostReader posts, CampaignDirectory campaigns,
            Jobs jobs, Clock clock) {
        this.workflows = workflows;
        this.posts = posts;
        this.campaigns = campaigns;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public WorkflowView get(UUID campaignId) {
        campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        return workflows.findByCampaignId(campaignId).map(WorkflowView::of)
                .orElseGet(() -> WorkflowView.notStarted(campaignId));
    }

    /** The launch: a new workflow (or the one there, running again), run at once. Idempotent. */
    void start(UUID campaignId) {
        CampaignWorkflow w = workflows.findByCampaignId(campaignId)
                .orElseGet(() -> workflows.save(new CampaignWorkflow(campaignId, clock.instant())));
        if (w.allows(WorkflowMove.RESUME)) {
            w.resume(clock.instant());
        }
        jobs.wake(WorkflowTasks.CAMPAIGN_WORKFLOW, TenantScope.require(), campaignId, clock.instant());
    }

    // The campaign's events drive these, and an event may come twice or late (a resume after the end): a move that
    // no longer applies is skipped here, while the workflow itself refuses it outright.

    void pause(UUID campaignId) {
        workflows.findByCampaignId(campaignId).filter(w -> w.allows(WorkflowMove.PAUSE))
                .ifPresent(w -> w.pause(clock.instant()));
    }

    void resume(UUID campaignId) {
        workflows.findByCampaignId(campaignId).filter(w -> w.allows(WorkflowMove.RESUME)).ifPresent(w -> {
            w.resume(clock.instant());
            jobs.wake(WorkflowTasks.CAMPAIGN_WORKFLOW, TenantScope.require(), campaignId, clock.instant());
        });
    }

    /** Something a waiting step may have waited for changed (an approval): a running workflow looks again now. */
    void wake(UUID campaignId) {
        workflows.findByCampaignId(campaignId).filter(w -> w.getStatus() == CampaignWorkflow.Status.RUNNING)
                .ifPresent(w -> jobs.wake(WorkflowTasks.CAMPAIGN_WORKFLOW, TenantScope.require(), campaignId, clock.instant()));
    }

    void complete(UUID campaignId) {
        workflows.findByCampaignId(campaignId).filter(w -> w.allows(WorkflowMove.COMPLETE))
                .ifPresent(w -> w.complete(clock.instant()));
    }

    /** One run: the steps advanced as far as they go; when to run again, or empty when nothing is left to watch. */
    Optional<Instant> advance(UUID campaignId) {
        CampaignWorkflow w = workflows.findByCampaignId(campaignId).orElse(null);
        if (w == null || w.getStatus() != CampaignWorkflow.Status.RUNNING) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (WorkflowStep step = w.current(); step != null; step = w.current()) {
            switch (step) {
                case VALIDATE -> {
                    List<PostBlocker> blockers = posts.campaignBlockers(campaignId);
                    if (!blockers.isEmpty()) {
                        w.ran(step, StepStatus.WAITING, blockers.stream().map(PostBlocker::message)
                                .collect(Collectors.joining(" ")), now);
                        return Optional.of(now.plus(LOOK_AGAIN));
                    }
                    w.ran(step, StepStatus.DONE, "Active, approved for content and schedule, and every account can post", now);
                }
                case SCHEDULE -> {
                    // re-planning belongs to resume alone (CampaignPostEvents): a post that just fell due, or waited
                    // on a blocker until the launch, goes out now rather than at a later best time
                    PostCounts counts = posts.counts(campaignId);
                    w.ran(step, StepStatus.DONE, counts.scheduled() + " posts scheduled", now);
                }
                case PUBLISH -> {
                    PostCounts c = posts.counts(campaignId);
                    String words = c.published() + " published, " + c.scheduled() + " scheduled"
                            + (c.waiting() > 0 ? " (" + c.waiting() + " waiting)" : "")
                            + (c.publishing() > 0 ? ", " + c.publishing() + " going out" : "")
                            + (c.needPerson() > 0 ? ", " + c.needPerson() + " need a person" : "");
                    if (c.scheduled() + c.publishing() > 0) {
                        w.ran(step, StepStatus.RUNNING, words, now);
                        return Optional.of(now.plus(LOOK_AGAIN));
                    }
                    w.ran(step, StepStatus.DONE, words, now);
                }
                case MONITOR -> {
                    w.ran(step, StepStatus.RUNNING, "Numbers are fetched for the published posts until the campaign ends", now);
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}

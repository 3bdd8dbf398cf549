package io.flightdeck.planning.demo;

import java.time.ZoneId;
import java.util.List;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.identity.DemoDataContributor;
import io.flightdeck.identity.DemoWorkspace;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.planning.tasks.CampaignTimelines;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.tasks.TaskStaffing;
import io.flightdeck.planning.tasks.TaskStatus;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Work in flight for the demo: every open demo campaign gets its timeline (unless the automatic one got there first),
 * its open tasks auto-assigned, and live campaigns have their first tasks done and the next one in progress, so the
 * board, My tasks and the team heat map have something to show. Order 40: after the launches (order 30).
 */
@Component
@Order(40)
class DemoPlanning implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(DemoPlanning.class);
    private static final int DONE_ON_LIVE_CAMPAIGNS = 3;

    private final CampaignDirectory campaigns;
    private final CampaignTimelines timelines;
    private final TaskStaffing assignments;
    private final CampaignTasks tasks;
    private final MemberDirectory members;

    DemoPlanning(CampaignDirectory campaigns, CampaignTimelines timelines, TaskStaffing assignments, CampaignTasks tasks,
            MemberDirectory members) {
        this.campaigns = campaigns;
        this.timelines = timelines;
        this.assignments = assignments;
        this.tasks = tasks;
        this.members = members;
    }

    @Override
    public void contribute(DemoWorkspace workspace) {
        MemberSummary owner = members.find(workspace.member(Role.OWNER)).orElseThrow();
        Actor actor = new Actor(owner.userId(), workspace.workspaceId(), Role.OWNER, owner.email(),
                owner.displayName(), ZoneId.of("Europe/Berlin"), null);
        CurrentActor.runAs(actor, () -> {
            for (CampaignStatus status : List.of(CampaignStatus.PLANNING, CampaignStatus.READY, CampaignStatus.ACTIVE,
                    CampaignStatus.PAUSED)) {
                for (CampaignSnapshot campaign : campaigns.inStatus(status, 20)) {
                    plan(campaign, status == CampaignStatus.ACTIVE || status == CampaignStatus.PAUSED);
                }
            }
            return null;
        });
    }

    private void plan(CampaignSnapshot campaign, boolean live) {
        try {
            timelines.generateAutomatically(campaign.id());
        } catch (DataIntegrityViolationException raced) {
            log.debug("The automatic timeline of {} was generated meanwhile", campaign.id());
        }
        if (timelines.find(campaign.id()).isEmpty()) {
            return;
        }
        assignments.autoAssignCampaign(campaign.id(), false);
        if (live) {
            int done = 0;
            while (true) {
                TaskView next = tasks.ofCampaign(campaign.id()).stream() // re-read: each finished task frees others
                        .filter(t -> t.status() == TaskStatus.TODO)
                        .filter(t -> t.predecessors().stream().noneMatch(p -> p.status().open()))
                        .findFirst().orElse(null);
                if (next == null) {
                    return;
                }
                tasks.move(next.id(), TaskStatus.IN_PROGRESS);
                if (next.kind() == TaskKind.TASK && done++ == DONE_ON_LIVE_CAMPAIGNS) {
                    return; // the next task stays in progress
                }
                tasks.move(next.id(), TaskStatus.DONE); // milestones are reached as soon as their work is done
            }
        }
    }
}

package io.flightdeck.planning.web;

import java.util.UUID;

import io.flightdeck.planning.TimelineDirection;
import io.flightdeck.planning.tasks.CampaignTimelines;
import io.flightdeck.planning.tasks.TaskBulkAssignment;
import io.flightdeck.planning.tasks.TimelineCriticalPath;
import io.flightdeck.planning.tasks.TimelineView;
import io.flightdeck.planning.tasks.TaskStaffing;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A campaign's plan for AI assistants, on the services {@link TimelinesApiController} and
 * {@link TaskAssignmentsApiController} use: lay the timeline out from a template, read it and its critical path, and
 * staff its open tasks by skills, availability and load. Auto-assignment's own explanation is what its dry run
 * answers, since the preview runs the real assignment and rolls it back.
 */
@Configuration(proxyBeanMethods = false)
class TimelineTools {

    record CampaignInput(@Schema(description = "The campaign's id, as list_campaigns answers it") @NotNull UUID campaignId) {
    }

    record GenerateInput(@Schema(description = "The campaign's id, as list_campaigns answers it") @NotNull UUID campaignId,
            @Schema(description = "A timeline template's id; the campaign type's default template when left out")
            UUID templateId,
            @Schema(description = "BACKWARD from the end date (the default when the campaign has one) or FORWARD "
                    + "from the start date") TimelineDirection direction,
            @Schema(description = "Delete the campaign's tasks first; only when the person asked to start the plan "
                    + "over") Boolean replace) {
    }

    @Bean
    AssistantTool getTimelineTool(CampaignTimelines timelines) {
        return AssistantTool.reading("get_timeline", "Get a campaign's timeline",
                "Answers a campaign's plan: every task with its dates, duration, slack and whether it is on the "
                        + "critical path, the dependencies, and a warning when the plan ends after the campaign's end "
                        + "date. Not found when the campaign has no timeline yet: generate_timeline lays one out.",
                Toolset.PLANNING, CampaignInput.class, TimelineView.class,
                input -> timelines.get(input.campaignId()));
    }

    @Bean
    AssistantTool getCriticalPathTool(CampaignTimelines timelines) {
        return AssistantTool.reading("get_critical_path", "Get a campaign's critical path",
                "Answers the tasks and milestones that set the campaign's end, in order, and the plan's length in "
                        + "working days: a delay to any of them delays the campaign.",
                Toolset.PLANNING, CampaignInput.class, TimelineCriticalPath.class,
                input -> timelines.criticalPath(input.campaignId()));
    }

    @Bean
    AssistantTool generateTimelineTool(CampaignTimelines timelines) {
        return AssistantTool.creating("generate_timeline", "Lay out a campaign's timeline",
                "Lays out a campaign's tasks and milestones from a timeline template, scheduled around the "
                        + "workspace's holidays and buffer. Refused when the campaign already has tasks, unless "
                        + "replace is true. Managers and above. Dry run it first: the answer is the whole plan.",
                Toolset.PLANNING, Role.MANAGER, GenerateInput.class, TimelineView.class,
                input -> timelines.generate(input.campaignId(), input.templateId(), input.direction(),
                        Boolean.TRUE.equals(input.replace())));
    }

    @Bean
    AssistantTool autoAssignCampaignTasksTool(TaskStaffing staffing) {
        return AssistantTool.creating("auto_assign_campaign_tasks", "Staff a campaign's open tasks",
                "Assigns every open, unassigned task of a campaign, in plan order, to the member with the skills, "
                        + "the free hours in the task's window and the lowest load, each choice counting toward the "
                        + "next. Managers and above. Dry run it first: the answer explains each choice and names the "
                        + "tasks nobody can take.",
                Toolset.PLANNING, Role.MANAGER, CampaignInput.class, TaskBulkAssignment.class,
                input -> staffing.autoAssignCampaign(input.campaignId(), false));
    }
}

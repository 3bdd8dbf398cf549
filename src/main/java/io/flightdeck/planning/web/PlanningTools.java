package io.flightdeck.planning.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.planning.tasks.TaskSort;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.Sort;

/**
 * The tasks an AI assistant may read over MCP, on the service {@link TasksApiController} uses: the same filters,
 * sorting and paging as {@code GET /api/v1/tasks} and {@code /api/v1/campaigns/{id}/tasks}, and one task.
 */
@Configuration(proxyBeanMethods = false)
class PlanningTools {

    record ListInput(
            @Schema(description = "Only this campaign's tasks (in the plan's order); the whole workspace's by due "
                    + "date when left out") UUID campaignId,
            @Schema(description = "Only these statuses: todo, in_progress, blocked, in_review, done, cancelled")
            @Size(max = 6) List<@NotNull String> status,
            @Schema(description = "A member id, me, or none for unassigned tasks") @Size(max = 40) String assignee,
            @Schema(description = "Only tasks past their due date") Boolean overdue,
            @Schema(description = "Only tasks at risk of missing their due date") Boolean atRisk,
            @Schema(description = "Words in the title") @Size(max = 200) String q,
            @Schema(description = "The page, from 0") Integer page,
            @Schema(description = "Tasks a page, 1 to 100 (20 when left out)") Integer size) {
    }

    record GetInput(@Schema(description = "The task's id, as list_tasks answers it") @NotNull UUID id) {
    }

    @Bean
    AssistantTool listTasksTool(CampaignTasks tasks) {
        return AssistantTool.reading("list_tasks", "List tasks",
                "Lists tasks, a page at a time: a campaign's in the plan's order, or the whole workspace's by due "
                        + "date, each with its id, title, status, priority, assignee, dates, and whether it is "
                        + "overdue or at risk. Filter by status, assignee (me for the caller), overdue, at risk or "
                        + "words in the title.",
                Toolset.PLANNING, ListInput.class,
                ResolvableType.forClassWithGenerics(PageResponse.class, TaskView.class).getType(),
                input -> PageResponse.of(tasks.list(TaskListParams.filter(input.campaignId(), input.status(),
                                input.assignee(), null, null, Boolean.TRUE.equals(input.overdue()),
                                Boolean.TRUE.equals(input.atRisk()), input.q()),
                        input.campaignId() == null ? TaskSort.DUE_DATE : TaskSort.POSITION,
                        Paging.of(input.page(), input.size(), Sort.unsorted())), t -> t));
    }

    @Bean
    AssistantTool getTaskTool(CampaignTasks tasks) {
        return AssistantTool.reading("get_task", "Get a task",
                "Answers one task by its id: its details, checklist, dependencies, assignee, dates and version.",
                Toolset.PLANNING, GetInput.class, TaskView.class, input -> tasks.get(input.id()));
    }
}

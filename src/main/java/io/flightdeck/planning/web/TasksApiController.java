package io.flightdeck.planning.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.planning.tasks.TaskFilter;
import io.flightdeck.planning.tasks.TaskSort;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tasks", description = "A campaign's tasks and milestones: statuses, filters, checklist, overdue and at-risk flags")
class TasksApiController {

    private final CampaignTasks tasks;
    private final IdempotencyKeys idempotencyKeys;

    TasksApiController(CampaignTasks tasks, IdempotencyKeys idempotencyKeys) {
        this.tasks = tasks;
        this.idempotencyKeys = idempotencyKeys;
    }

    private record Keyed(UUID campaignId, TaskRequest request) {
    }

    @Operation(summary = "Create a task or milestone in a campaign (contributors and up). On a campaign with a "
            + "timeline the plan is laid out again and the task gets its dates from it. Honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The task created",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskView.class)))
    @PostMapping("/api/v1/campaigns/{id}/tasks")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> create(@PathVariable UUID id, @Valid @RequestBody TaskRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, new Keyed(id, request), () -> {
            TaskView created = tasks.create(id, request.toChange());
            return ResponseEntity.created(URI.create("/api/v1/tasks/" + created.id()))
                    .eTag(ETags.of(created.version())).body(created);
        });
    }

    @Operation(summary = "A campaign's tasks, filtered and paged; sort by position (default), dueDate or priority")
    @GetMapping("/api/v1/campaigns/{id}/tasks")
    PageResponse<TaskView> campaignTasks(@PathVariable UUID id,
            @Parameter(description = "Repeatable: todo, in_progress, blocked, in_review, done, cancelled")
            @RequestParam(required = false) List<String> status,
            @Parameter(description = "A member id, me, or none for unassigned") @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String priority, @RequestParam(required = false) UUID milestone,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean atRisk,
            @Parameter(description = "Words in the title") @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        TaskFilter filter = TaskListParams.filter(id, status, assignee, priority, milestone, overdue, atRisk, q);
        return PageResponse.of(tasks.list(filter, TaskSort.parse(sort, TaskSort.POSITION),
                Paging.of(page, size, Sort.unsorted())), t -> t);
    }

    @Operation(summary = "Tasks across every campaign of the workspace, filtered and paged; sort by dueDate "
            + "(default), priority or position")
    @GetMapping("/api/v1/tasks")
    PageResponse<TaskView> workspaceTasks(@RequestParam(required = false) List<String> status,
            @Parameter(description = "A member id, me, or none for unassigned") @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String priority, @RequestParam(required = false) UUID milestone,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean atRisk,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        TaskFilter filter = TaskListParams.filter(null, status, assignee, priority, milestone, overdue, atRisk, q);
        return PageResponse.of(tasks.list(filter, TaskSort.parse(sort, TaskSort.DUE_DATE),
                Paging.of(page, size, Sort.unsorted())), t -> t);
    }

    @Operation(summary = "The caller's tasks, by due date; open ones unless status says otherwise")
    @GetMapping("/api/v1/tasks/mine")
    PageResponse<TaskView> mine(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<String> statuses = status == null || status.isEmpty()
                ? List.of("todo", "in_progress", "blocked", "in_review") : status;
        TaskFilter filter = TaskListParams.filter(null, statuses, "me", null, null, false, false, null);
        return PageResponse.of(tasks.list(filter, TaskSort.parse(sort, TaskSort.DUE_DATE),
                Paging.of(page, size, Sort.unsorted())), t -> t);
    }

    @Operation(summary = "One task with its predecessors, successors, flags and the moves its status allows; ETag")
    @GetMapping("/api/v1/tasks/{taskId}")
    ResponseEntity<TaskView> get(@PathVariable UUID taskId) {
        TaskView view = tasks.get(taskId);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Change a task's fields (contributors and up); If-Match guards against lost updates (412). "
            + "Dates and duration of a timeline task change through PATCH /api/v1/tasks/{id}/schedule")
    @PatchMapping("/api/v1/tasks/{taskId}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<TaskView> update(@PathVariable UUID taskId, @Valid @RequestBody TaskRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TaskView view = tasks.update(taskId, request.toChange(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Delete a task (contributors and up); it leaves the plan and can be restored")
    @ApiResponse(responseCode = "204", description = "Moved to the trash")
    @DeleteMapping("/api/v1/tasks/{taskId}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<Void> delete(@PathVariable UUID taskId) {
        tasks.delete(taskId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Bring a deleted task back, with its dependencies (contributors and up)")
    @PostMapping("/api/v1/tasks/{taskId}/restore")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<TaskView> restore(@PathVariable UUID taskId) {
        TaskView view = tasks.restore(taskId);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    record StatusRequest(@Schema(description = "todo, in_progress, blocked, in_review, done or cancelled",
            example = "in_progress") @Size(max = 20) String status) {
    }

    @Operation(summary = "Move a task to another status (contributors and up): 409 illegal-transition with "
            + "currentState, attemptedMove and allowedMoves, 409 predecessors-open when a start waits for open predecessors")
    @PostMapping("/api/v1/tasks/{taskId}/status")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<TaskView> move(@PathVariable UUID taskId, @Valid @RequestBody(required = false) StatusRequest request) {
        if (request == null || request.status() == null || request.status().isBlank()) {
            throw new io.flightdeck.shared.InvalidInputException("status", "is required");
        }
        TaskView view = tasks.move(taskId, TaskListParams.status(request.status()));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Tick or untick one checklist item, counted from 0 (contributors and up)")
    @PostMapping("/api/v1/tasks/{taskId}/checklist/{index}/toggle")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<TaskView> toggle(@PathVariable UUID taskId, @PathVariable int index) {
        TaskView view = tasks.toggleChecklistItem(taskId, index);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}

package io.flightdeck.planning.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.tasks.TaskAssignmentProposal;
import io.flightdeck.planning.tasks.TaskBulkAssignment;
import io.flightdeck.planning.tasks.TaskStaffing;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Assigning work is a manager's job: auto-assignment with its explanation, the override, and the bulk runs. */
@RestController
@Tag(name = "Task assignment", description = "Auto-assignment by skills, availability and load, explained; manager override")
class TaskAssignmentsApiController {

    private final TaskStaffing assignments;

    TaskAssignmentsApiController(TaskStaffing assignments) {
        this.assignments = assignments;
    }

    @Operation(summary = "Choose the member with the required skills, enough free hours in the task's window and the "
            + "lowest load, and assign them (managers and up). dryRun=true only explains. The answer scores every "
            + "candidate with reasons; 409 not-assignable for milestones and closed tasks")
    @PostMapping("/api/v1/tasks/{taskId}/auto-assign")
    @PreAuthorize("hasRole('MANAGER')")
    TaskAssignmentProposal autoAssign(@PathVariable UUID taskId, @RequestParam(defaultValue = "false") boolean dryRun) {
        return assignments.autoAssign(taskId, dryRun);
    }

    record AssigneeRequest(@Schema(description = "A member who can take work; null unassigns",
            example = "01a20264-4f1b-71fb-8235-0871f90ae023") UUID assigneeId) {
    }

    @Operation(summary = "Override: assign a member who can take work (contributor and up), or nobody with null "
            + "(managers and up); 400 for anyone else")
    @PutMapping("/api/v1/tasks/{taskId}/assignee")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<TaskView> assign(@PathVariable UUID taskId, @RequestBody(required = false) AssigneeRequest request) {
        TaskView view = assignments.assign(taskId, request == null ? null : request.assigneeId());
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Auto-assign every open, unassigned task of the campaign in plan order over the timeline's "
            + "window, each choice counting toward the next (managers and up); dryRun=true only explains")
    @PostMapping("/api/v1/campaigns/{id}/tasks/auto-assign")
    @PreAuthorize("hasRole('MANAGER')")
    TaskBulkAssignment autoAssignCampaign(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean dryRun) {
        return assignments.autoAssignCampaign(id, dryRun);
    }

    record BulkRequest(@Schema(description = "Open tasks, assigned in this order",
            example = "[\"01a20265-2a31-7a3c-90a1-0d396ed28a76\"]") @Size(max = 200) List<UUID> taskIds) {
    }

    @Operation(summary = "Auto-assign the given open tasks in the given order (managers and up); dryRun=true only explains")
    @PostMapping("/api/v1/tasks/auto-assign")
    @PreAuthorize("hasRole('MANAGER')")
    TaskBulkAssignment autoAssignAll(@RequestBody(required = false) BulkRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return assignments.autoAssignAll(request == null ? null : request.taskIds(), dryRun);
    }
}

package io.flightdeck.planning.web;

import java.util.UUID;

import io.flightdeck.planning.tasks.TaskDependencyLinks;
import io.flightdeck.planning.tasks.TaskLinks;
import io.flightdeck.planning.tasks.TaskView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tasks")
class TaskDependenciesApiController {

    private final TaskLinks dependencies;

    TaskDependenciesApiController(TaskLinks dependencies) {
        this.dependencies = dependencies;
    }

    record DependencyRequest(@Schema(description = "A task of the same campaign that must finish first",
            example = "01a20265-2a31-7a3c-90a1-0d396ed28a76") UUID predecessorId) {
    }

    @Operation(summary = "A task's predecessors (what it waits for) and successors (what waits for it)")
    @GetMapping("/api/v1/tasks/{taskId}/dependencies")
    TaskDependencyLinks list(@PathVariable UUID taskId) {
        return dependencies.list(taskId);
    }

    @Operation(summary = "Make the task wait for a predecessor of the same campaign (finish-to-start; contributors "
            + "and up). 400 for another campaign or itself, 400 dependency-cycle naming the loop, 409 "
            + "duplicate-dependency. The timeline is laid out again")
    @ApiResponse(responseCode = "201", description = "The dependency added: the task, with its predecessors",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskView.class)))
    @PostMapping("/api/v1/tasks/{taskId}/dependencies")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<TaskView> add(@PathVariable UUID taskId, @RequestBody(required = false) DependencyRequest request) {
        TaskView view = dependencies.add(taskId, request == null ? null : request.predecessorId());
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    @Operation(summary = "Remove a dependency (contributors and up); the timeline is laid out again")
    @DeleteMapping("/api/v1/tasks/{taskId}/dependencies/{predecessorId}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    TaskView remove(@PathVariable UUID taskId, @PathVariable UUID predecessorId) {
        return dependencies.remove(taskId, predecessorId);
    }
}

package io.flightdeck.planning.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.tasks.TaskCommentView;
import io.flightdeck.planning.tasks.TaskDiscussion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Comments on a task; approvers comment on what is routed to them, and tasks are not, so contributors and up post. */
@RestController
@Tag(name = "Tasks")
class TaskCommentsApiController {

    private final TaskDiscussion comments;

    TaskCommentsApiController(TaskDiscussion comments) {
        this.comments = comments;
    }

    record TaskCommentRequest(@Schema(example = "Draft is in the shared folder; @Ann can you review the headline?")
            @Size(max = 4000) String body) {
    }

    @Operation(summary = "A task's comments, oldest first")
    @GetMapping("/api/v1/tasks/{taskId}/comments")
    List<TaskCommentView> list(@PathVariable UUID taskId) {
        return comments.list(taskId);
    }

    @Operation(summary = "Comment on a task (contributors and up)")
    @ApiResponse(responseCode = "201", description = "The comment posted",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = TaskCommentView.class)))
    @PostMapping("/api/v1/tasks/{taskId}/comments")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<TaskCommentView> post(@PathVariable UUID taskId,
            @Valid @RequestBody(required = false) TaskCommentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(comments.post(taskId, request == null ? null : request.body()));
    }
}

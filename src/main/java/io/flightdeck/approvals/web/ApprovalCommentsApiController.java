package io.flightdeck.approvals.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.domain.ApprovalComments;
import io.flightdeck.approvals.domain.ApprovalLookup;
import io.flightdeck.approvals.domain.CommentView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Threaded comments and change requests on an approval, by approval id or by campaign scope. */
@RestController
@Tag(name = "Approvals")
class ApprovalCommentsApiController {

    private final ApprovalLookup lookup;
    private final ApprovalComments comments;

    ApprovalCommentsApiController(ApprovalLookup lookup, ApprovalComments comments) {
        this.lookup = lookup;
        this.comments = comments;
    }

    /** The engine checks that the body is there and short enough, so a missing one names "body" like a long one. */
    record ApprovalCommentRequest(@Schema(example = "@Ann Lee the claim in the second line needs a source") @Size(max = 4000) String body,
            @Schema(description = "The comment this replies to", example = "01a20265-3e06-7f34-b5ac-c9872c9b7ff2") UUID parentId,
            @Schema(description = "A change request rather than a remark", example = "false") Boolean changeRequest) {
    }

    @Operation(summary = "The comments of an approval: top-level comments in time order, each with its replies")
    @GetMapping("/api/v1/approvals/{approvalId}/comments")
    List<CommentView> thread(@PathVariable UUID approvalId) {
        return comments.thread(approvalId);
    }

    @Operation(summary = "Comment, reply (parentId) or request a change (changeRequest); @Display Name or @email "
            + "mentions a member. Contributors and up, and approvers the approval is routed to")
    @ApiResponse(responseCode = "201", description = "The comment posted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommentView.class)))
    @PostMapping("/api/v1/approvals/{approvalId}/comments")
    ResponseEntity<CommentView> post(@PathVariable UUID approvalId,
            @Valid @RequestBody(required = false) ApprovalCommentRequest request) {
        ApprovalCommentRequest body = request != null ? request : new ApprovalCommentRequest(null, null, null);
        CommentView posted = comments.post(approvalId, body.parentId(), body.body(),
                Boolean.TRUE.equals(body.changeRequest()));
        return ResponseEntity.status(HttpStatus.CREATED).body(posted);
    }

    @Operation(summary = "Mark a comment or change request resolved (contributors and up, or its author)")
    @PostMapping("/api/v1/approvals/{approvalId}/comments/{commentId}/resolve")
    CommentView resolve(@PathVariable UUID approvalId, @PathVariable UUID commentId) {
        return comments.resolve(approvalId, commentId);
    }

    @Operation(summary = "The comments of a campaign scope")
    @GetMapping("/api/v1/campaigns/{id}/approvals/{scope}/comments")
    List<CommentView> scopeThread(@PathVariable UUID id, @PathVariable String scope) {
        return thread(lookup.scopeApprovalId(id, scope));
    }

    @Operation(summary = "Comment on a campaign scope")
    @ApiResponse(responseCode = "201", description = "The comment posted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommentView.class)))
    @PostMapping("/api/v1/campaigns/{id}/approvals/{scope}/comments")
    ResponseEntity<CommentView> postOnScope(@PathVariable UUID id, @PathVariable String scope,
            @Valid @RequestBody(required = false) ApprovalCommentRequest request) {
        return post(lookup.scopeApprovalId(id, scope), request);
    }

    @Operation(summary = "Resolve a comment on a campaign scope")
    @PostMapping("/api/v1/campaigns/{id}/approvals/{scope}/comments/{commentId}/resolve")
    CommentView resolveOnScope(@PathVariable UUID id, @PathVariable String scope, @PathVariable UUID commentId) {
        return resolve(lookup.scopeApprovalId(id, scope), commentId);
    }
}

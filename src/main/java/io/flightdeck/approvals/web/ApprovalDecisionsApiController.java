package io.flightdeck.approvals.web;

import java.util.UUID;

import io.flightdeck.approvals.domain.ApprovalView;
import io.flightdeck.approvals.domain.ApprovalLookup;
import io.flightdeck.approvals.domain.ApprovalVoting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The state machine's moves. Who may approve or reject is the engine's call (the stage's routing, delegations,
 * escalation), so there is no role check here: a stage not routed to the caller answers 403, an illegal move 409.
 */
@RestController
@Tag(name = "Approvals")
class ApprovalDecisionsApiController {

    private final ApprovalLookup lookup;
    private final ApprovalVoting voting;

    ApprovalDecisionsApiController(ApprovalLookup lookup, ApprovalVoting voting) {
        this.lookup = lookup;
        this.voting = voting;
    }

    record ApprovalDecisionRequest(@Schema(example = "Approved; the legal footer is in") @Size(max = 2000) String comment) {
    }

    /** Blank or missing reasons are refused by the engine, so the 400 names "reason" whatever the body looks like. */
    record ApprovalRejectionRequest(@Schema(example = "The discount is not approved by finance") @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Approve the current stage as one of its approvers; the last approval the quorum needs "
            + "completes the stage, the last stage approves. 403 when the stage is not routed to you, 409 "
            + "already-decided or illegal-transition")
    @PostMapping("/api/v1/approvals/{approvalId}/approve")
    ApprovalView approve(@PathVariable UUID approvalId, @Valid @RequestBody(required = false) ApprovalDecisionRequest request) {
        return voting.approve(approvalId, request == null ? null : request.comment());
    }

    @Operation(summary = "Reject with a reason (required); the reason opens a change request")
    @PostMapping("/api/v1/approvals/{approvalId}/reject")
    ApprovalView reject(@PathVariable UUID approvalId, @Valid @RequestBody(required = false) ApprovalRejectionRequest request) {
        return voting.reject(approvalId, request == null ? null : request.reason());
    }

    @Operation(summary = "The feedback was addressed: a rejected approval goes back to review from its first stage "
            + "(contributors and the requester)")
    @PostMapping("/api/v1/approvals/{approvalId}/request-review")
    ApprovalView requestReview(@PathVariable UUID approvalId,
            @Valid @RequestBody(required = false) ApprovalDecisionRequest request) {
        return voting.requestReview(approvalId, request == null ? null : request.comment());
    }

    @Operation(summary = "Approve a campaign scope's current stage")
    @PostMapping("/api/v1/campaigns/{id}/approvals/{scope}/approve")
    ApprovalView approveScope(@PathVariable UUID id, @PathVariable String scope,
            @Valid @RequestBody(required = false) ApprovalDecisionRequest request) {
        return approve(lookup.scopeApprovalId(id, scope), request);
    }

    @Operation(summary = "Reject a campaign scope with a reason (required)")
    @PostMapping("/api/v1/campaigns/{id}/approvals/{scope}/reject")
    ApprovalView rejectScope(@PathVariable UUID id, @PathVariable String scope,
            @Valid @RequestBody(required = false) ApprovalRejectionRequest request) {
        return reject(lookup.scopeApprovalId(id, scope), request);
    }

    @Operation(summary = "Ask for another review of a rejected campaign scope")
    @PostMapping("/api/v1/campaigns/{id}/approvals/{scope}/request-review")
    ApprovalView requestScopeReview(@PathVariable UUID id, @PathVariable String scope,
            @Valid @RequestBody(required = false) ApprovalDecisionRequest request) {
        return requestReview(lookup.scopeApprovalId(id, scope), request);
    }
}

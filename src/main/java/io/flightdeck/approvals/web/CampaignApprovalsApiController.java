package io.flightdeck.approvals.web;

import java.util.UUID;

import io.flightdeck.approvals.PublishCheck;
import io.flightdeck.approvals.Urgency;
import io.flightdeck.approvals.domain.ApprovalView;
import io.flightdeck.approvals.domain.ApprovalLookup;
import io.flightdeck.approvals.domain.ApprovalOpening;
import io.flightdeck.approvals.ApprovalGate;
import io.flightdeck.approvals.domain.CampaignApprovals;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.web.ReadOnlyOperation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's approval scopes as a whole: start them, read them, ask the publish gate. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
@Tag(name = "Approvals")
class CampaignApprovalsApiController {

    private final ApprovalLookup lookup;
    private final ApprovalOpening opening;
    private final ApprovalGate gate;

    CampaignApprovalsApiController(ApprovalLookup lookup, ApprovalOpening opening, ApprovalGate gate) {
        this.lookup = lookup;
        this.opening = opening;
        this.gate = gate;
    }

    record ApprovalStartRequest(@Schema(description = "From the campaign's priority when absent", example = "HIGH") Urgency urgency) {
    }

    @Operation(summary = "The campaign's approval scopes with their stage, deadline and what you may do; enabled "
            + "scopes without an approval yet are listed under notStarted")
    @GetMapping("/approvals")
    CampaignApprovals list(@PathVariable UUID id) {
        return lookup.forCampaign(id);
    }

    @Operation(summary = "Request approval of every enabled scope the campaign does not have yet (contributors and up). "
            + "The urgency follows the campaign's priority unless given; scopes already started stay as they are")
    @PostMapping("/approvals/initialize")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    CampaignApprovals initialize(@PathVariable UUID id, @RequestBody(required = false) ApprovalStartRequest request) {
        return opening.initialize(id, request == null ? null : request.urgency());
    }

    @Operation(summary = "The publish gate: ready, or the scopes that still block publishing with their state and stage")
    @ReadOnlyOperation
    @PostMapping("/approvals/check-publish")
    PublishCheck checkPublish(@PathVariable UUID id) {
        return gate.check(id);
    }

    @Operation(summary = "Single items (creatives, posts, emails, assets) of the campaign under review, newest first, paged")
    @GetMapping("/approval-items")
    PageResponse<ApprovalView> items(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Sort newestFirst = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
        return PageResponse.of(lookup.items(id, Paging.of(page, size, newestFirst)), a -> a);
    }
}

package io.flightdeck.approvals.web;

import java.util.UUID;

import io.flightdeck.approvals.domain.ApprovalView;
import io.flightdeck.approvals.domain.ApprovalLookup;
import io.flightdeck.approvals.domain.ApprovalInbox;
import io.flightdeck.approvals.domain.HistoryView;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading approvals: the caller's inbox, one approval and its history. An approval is reached by its id (campaign
 * scopes and single items alike) or, for a campaign scope, by the campaign and the scope key.
 */
@RestController
@Tag(name = "Approvals")
class ApprovalsApiController {

    private final ApprovalLookup lookup;
    private final ApprovalInbox inbox;

    ApprovalsApiController(ApprovalLookup lookup, ApprovalInbox inbox) {
        this.lookup = lookup;
        this.inbox = inbox;
    }

    @Operation(summary = "What waits for you: open stages routed to you (by role, by name, by a delegation or after "
            + "escalation) that you have not decided yet, overdue first, paged")
    @GetMapping("/api/v1/approvals/inbox")
    PageResponse<ApprovalView> inbox(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(inbox.inbox(Paging.of(page, size, Sort.unsorted())), a -> a);
    }

    @Operation(summary = "One approval: state, stages, deadline, and the actions you may take now")
    @GetMapping("/api/v1/approvals/{approvalId}")
    ApprovalView get(@PathVariable UUID approvalId) {
        return lookup.get(approvalId);
    }

    @Operation(summary = "One scope of a campaign, e.g. content")
    @GetMapping("/api/v1/campaigns/{id}/approvals/{scope}")
    ApprovalView scope(@PathVariable UUID id, @PathVariable String scope) {
        return lookup.get(lookup.scopeApprovalId(id, scope));
    }

    @Operation(summary = "Every transition, vote, escalation and automatic decision of an approval, newest first, paged")
    @GetMapping("/api/v1/approvals/{approvalId}/history")
    PageResponse<HistoryView> history(@PathVariable UUID approvalId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(lookup.history(approvalId, Paging.of(page, size, Sort.unsorted())), h -> h);
    }

    @Operation(summary = "The history of a campaign scope, newest first, paged")
    @GetMapping("/api/v1/campaigns/{id}/approvals/{scope}/history")
    PageResponse<HistoryView> scopeHistory(@PathVariable UUID id, @PathVariable String scope,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return history(lookup.scopeApprovalId(id, scope), page, size);
    }
}

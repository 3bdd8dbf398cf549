package io.flightdeck.approvals.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.domain.ApprovalDelegations;
import io.flightdeck.approvals.domain.DelegationView;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Away? Hand what is routed to you to a colleague for a while. */
@RestController
@RequestMapping("/api/v1/approval-delegations")
@Tag(name = "Approvals")
class ApprovalDelegationsApiController {

    private final ApprovalDelegations delegations;
    private final IdempotencyKeys idempotencyKeys;

    ApprovalDelegationsApiController(ApprovalDelegations delegations, IdempotencyKeys idempotencyKeys) {
        this.delegations = delegations;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** The engine names delegateId and endsAt when they are missing or out of range. */
    record ApprovalDelegationRequest(@Schema(example = "01a20264-4f1b-71fb-8235-0871f90ae023") UUID delegateId,
            @Schema(description = "Now when absent", example = "2030-07-01T00:00:00Z") Instant startsAt,
            @Schema(example = "2030-07-15T00:00:00Z") Instant endsAt,
            @Schema(example = "On holiday; Ben decides for me") @Size(max = 500) String note) {
    }

    @Operation(summary = "Delegations you gave or received, newest first")
    @GetMapping
    List<DelegationView> mine() {
        return delegations.mine();
    }

    @Operation(summary = "Let a member approve what is routed to you from startsAt (now by default) until endsAt, "
            + "90 days at most; the history names both of you. Honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The delegation created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DelegationView.class)))
    @PostMapping
    ResponseEntity<?> create(@Valid @RequestBody ApprovalDelegationRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            DelegationView created = delegations.delegate(request.delegateId(), request.startsAt(), request.endsAt(),
                    request.note());
            return ResponseEntity.status(HttpStatus.CREATED).body(created);
        });
    }

    @Operation(summary = "End a delegation early (the delegator, the delegate or an admin)")
    @PostMapping("/{id}/revoke")
    DelegationView revoke(@PathVariable UUID id) {
        return delegations.revoke(id);
    }
}

package io.flightdeck.approvals.web;

import java.net.URI;
import java.util.List;

import io.flightdeck.approvals.domain.ApprovalSetup;
import io.flightdeck.approvals.domain.ScopeChange;
import io.flightdeck.approvals.domain.ScopeView;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's approval scopes and their stages (routing, quorum, escalation). */
@RestController
@RequestMapping("/api/v1/approval-scopes")
@Tag(name = "Approval settings")
class ApprovalScopesApiController {

    private final ApprovalSetup setup;
    private final IdempotencyKeys idempotencyKeys;

    ApprovalScopesApiController(ApprovalSetup setup, IdempotencyKeys idempotencyKeys) {
        this.setup = setup;
        this.idempotencyKeys = idempotencyKeys;
    }

    record ApprovalScopeRequest(@Schema(description = "2 to 40 lower-case letters, digits or dashes", example = "legal") String key,
            @Schema(example = "Legal review") String name, @Size(max = 6) List<@Valid ApprovalStageBody> stages) {
    }

    /** Fields left out stay as they are; {@code stages} replaces all stages. */
    record ApprovalScopeChangeRequest(@Schema(example = "Content review") String name, @Schema(example = "true") Boolean enabled,
            @Schema(example = "2") Integer position,
            @Schema(description = "Back to review when the strategy changes", example = "true") Boolean followsStrategy,
            @Size(max = 6) List<@Valid ApprovalStageBody> stages) {
    }

    @Operation(summary = "The scopes in order: strategy, content, schedule and ads until a manager changes them")
    @GetMapping
    List<ScopeView> list() {
        return setup.scopes();
    }

    @Operation(summary = "One scope; its ETag is what If-Match takes on update")
    @GetMapping("/{key}")
    ResponseEntity<ScopeView> get(@PathVariable String key) {
        ScopeView scope = find(key);
        return ResponseEntity.ok().eTag(ETags.of(scope.version())).body(scope);
    }

    @Operation(summary = "Add a scope (managers); one review stage for approvers unless stages are given. "
            + "Honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The scope created",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScopeView.class)))
    @PostMapping
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<?> create(@Valid @RequestBody ApprovalScopeRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            ScopeView created = setup.addScope(request.key(), request.name(), ApprovalStageBody.toRules(request.stages()));
            return ResponseEntity.created(URI.create("/api/v1/approval-scopes/" + created.key()))
                    .eTag(ETags.of(created.version())).body(created);
        });
    }

    @Operation(summary = "Rename, enable or disable, reorder or re-route a scope (managers); honours If-Match. "
            + "Approvals in flight keep the stages they started with")
    @PutMapping("/{key}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<ScopeView> update(@PathVariable String key, @Valid @RequestBody ApprovalScopeChangeRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ScopeView changed = setup.changeScope(key, new ScopeChange(request.name(), request.enabled(),
                request.position(), request.followsStrategy(), ApprovalStageBody.toRules(request.stages())),
                ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    private ScopeView find(String key) {
        return setup.scopes().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("The approval scope"));
    }
}

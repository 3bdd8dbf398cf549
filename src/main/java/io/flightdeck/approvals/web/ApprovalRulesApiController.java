package io.flightdeck.approvals.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.domain.ApprovalSetup;
import io.flightdeck.approvals.domain.RuleChange;
import io.flightdeck.approvals.domain.RuleView;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Auto-approval rules: approve what matches every condition once it has waited long enough. */
@RestController
@RequestMapping("/api/v1/approval-rules")
@Tag(name = "Approval settings")
class ApprovalRulesApiController {

    private final ApprovalSetup setup;
    private final IdempotencyKeys idempotencyKeys;

    ApprovalRulesApiController(ApprovalSetup setup, IdempotencyKeys idempotencyKeys) {
        this.setup = setup;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** On update, fields left out stay as they are; an empty scope ("") clears it. */
    record AutoApprovalRuleRequest(@Schema(example = "Short posts from the senior writers") @Size(max = 120) String name,
            @Schema(example = "true") Boolean enabled,
            @Schema(description = "Only this scope's approvals, e.g. content", example = "content") String scope,
            @Schema(description = "Only items of at most this many words", example = "60") Integer maxWords,
            @Schema(description = "Only what these members requested", example = "[\"01a20264-4f1b-71fb-8235-0871f90ae023\"]")
            @Size(max = 100) List<@NotNull UUID> trustedMemberIds,
            @Schema(description = "Only campaigns of these priorities", example = "[\"LOW\",\"MEDIUM\"]")
            List<@NotNull CampaignPriority> campaignPriorities,
            @Schema(description = "Minutes the stage has waited before the rule approves it; 0 by default", example = "120")
            Integer afterMinutes) {

        RuleChange toChange() {
            return new RuleChange(name, enabled, scope, maxWords, trustedMemberIds, campaignPriorities, afterMinutes);
        }
    }

    @Operation(summary = "The workspace's auto-approval rules by name")
    @GetMapping
    List<RuleView> list() {
        return setup.rules();
    }

    @Operation(summary = "Add a rule (managers); it needs at least one condition. Honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The rule created",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleView.class)))
    @PostMapping
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<?> create(@Valid @RequestBody AutoApprovalRuleRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            RuleView created = setup.addRule(request.toChange());
            return ResponseEntity.created(URI.create("/api/v1/approval-rules/" + created.id())).body(created);
        });
    }

    @Operation(summary = "Change a rule (managers)")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    RuleView update(@PathVariable UUID id, @Valid @RequestBody AutoApprovalRuleRequest request) {
        return setup.changeRule(id, request.toChange());
    }

    @Operation(summary = "Delete a rule (managers)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        setup.deleteRule(id);
        return ResponseEntity.noContent().build();
    }
}

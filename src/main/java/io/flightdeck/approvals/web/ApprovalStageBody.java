package io.flightdeck.approvals.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.domain.StageRule;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One stage of a scope as the API takes it. The engine checks the rules that span fields (a role or members, the
 * quorum against the named members, members of this workspace), so its refusals name {@code stages[i].field}.
 */
record ApprovalStageBody(
        @Schema(example = "Compliance") String name,
        @Schema(description = "Members with this role (or a role that includes it) approve", example = "APPROVER") Role approverRole,
        @Schema(description = "Named members who approve, besides or instead of a role", example = "[]")
        @Size(max = 20) List<@NotNull UUID> approverIds,
        @Schema(description = "Distinct approvals that complete the stage; 1 when left out", example = "1") Integer requiredApprovals,
        @Schema(description = "Who takes over an overdue stage: a role...", example = "MANAGER") Role escalateToRole,
        @Schema(description = "...or a named member; neither means nobody", nullable = true) UUID escalateToMember) {

    StageRule toRule() {
        return new StageRule(name, approverRole, approverIds, requiredApprovals == null ? 1 : requiredApprovals,
                escalateToRole, escalateToMember);
    }

    static List<StageRule> toRules(List<ApprovalStageBody> stages) {
        // a null entry reaches the engine as null, which names it "stages[i]"
        return stages == null ? null : stages.stream().map(s -> s == null ? null : s.toRule()).toList();
    }
}

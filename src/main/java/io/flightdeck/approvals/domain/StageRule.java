package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * One stage of a scope's routing, e.g. "Compliance": who may approve (members holding {@code approverRole}, or the
 * named {@code approverIds}), how many distinct approvals complete it, and who takes over when it is overdue.
 */
public record StageRule(String name, @Nullable Role approverRole, List<UUID> approverIds, int requiredApprovals,
        @Nullable Role escalateToRole, @Nullable UUID escalateToMember) {

    public StageRule {
        approverIds = approverIds == null ? List.of() : List.copyOf(approverIds);
    }

    public static StageRule review() {
        return new StageRule("Review", Role.APPROVER, List.of(), 1, Role.MANAGER, null);
    }

    /** Whether a member with this id and role is routed this stage (escalation not counted). */
    public boolean routes(UUID userId, Role role) {
        return approverIds.contains(userId) || (approverRole != null && role.includes(approverRole));
    }

    /** Whether a member is the stage's escalation target. */
    public boolean escalatesTo(UUID userId, Role role) {
        return userId.equals(escalateToMember) || (escalateToRole != null && role.includes(escalateToRole));
    }

    public String approverLabel() {
        String byRole = approverRole == null ? null : approverRole.label() + "s";
        String byName = approverIds.isEmpty() ? null : approverIds.size() + (approverIds.size() == 1 ? " named member" : " named members");
        return byRole == null ? byName : byName == null ? byRole : byRole + " or " + byName;
    }

    public String escalationLabel() {
        return escalateToMember != null ? "a named member" : escalateToRole != null ? escalateToRole.label() + "s" : "nobody";
    }

    /** Checks one stage of a scope's configuration, adding every problem; {@code field} prefixes them, e.g. {@code stages[1]}. */
    void validate(String field, InputProblems problems) {
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            problems.add(field + ".name", "Give the stage a name of 1 to 80 characters");
        }
        if (approverRole == null && approverIds.isEmpty()) {
            problems.add(field + ".approverRole", "name a role or at least one member who approves");
        } else if (approverRole == Role.VIEWER) {
            problems.add(field + ".approverRole", "viewers cannot approve");
        }
        if (requiredApprovals < 1 || requiredApprovals > 20) {
            problems.add(field + ".requiredApprovals", "must be between 1 and 20");
        } else if (approverRole == null && !approverIds.isEmpty() && requiredApprovals > approverIds.size()) {
            problems.add(field + ".requiredApprovals", "cannot exceed the " + approverIds.size() + " named approvers");
        }
    }
}

package io.flightdeck.approvals.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.domain.ScopeChange;
import io.flightdeck.approvals.domain.ScopeView;
import io.flightdeck.approvals.domain.StageRule;
import io.flightdeck.shared.security.Role;

/**
 * The stage editor of one scope. A JavaBean rather than a record, so {@code stages[2].name} binds into a growing
 * list. The page shows the scope's stages plus {@link #BLANK_ROWS} empty rows; an empty new row is left out, an
 * existing row is dropped only when its remove box is ticked.
 */
class ScopeForm {

    static final int BLANK_ROWS = 2;
    static final int MAX_STAGES = 6;

    private String name;
    private boolean enabled;
    private boolean followsStrategy;
    private Long version;
    private List<StageRow> stages = new ArrayList<>();

    static ScopeForm of(ScopeView scope) {
        ScopeForm form = new ScopeForm();
        form.name = scope.name();
        form.enabled = scope.enabled();
        form.followsStrategy = scope.followsStrategy();
        form.version = scope.version();
        scope.stages().forEach(s -> form.stages.add(StageRow.of(s)));
        for (int i = 0; i < BLANK_ROWS && form.stages.size() < MAX_STAGES; i++) {
            form.stages.add(StageRow.blank());
        }
        return form;
    }

    /** The rows that become stages, by their index in {@link #stages}, so service errors can point at the right row. */
    List<Integer> keptRows() {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageRow row = stages.get(i);
            if (row != null && !row.isRemove() && (row.isExisting() || !row.isBlank())) {
                kept.add(i);
            }
        }
        return kept;
    }

    ScopeChange toChange() {
        List<StageRule> rules = keptRows().stream().map(i -> stages.get(i).toRule()).toList();
        return new ScopeChange(name, enabled, null, followsStrategy, rules);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isFollowsStrategy() {
        return followsStrategy;
    }

    public void setFollowsStrategy(boolean followsStrategy) {
        this.followsStrategy = followsStrategy;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public List<StageRow> getStages() {
        return stages;
    }

    public void setStages(List<StageRow> stages) {
        this.stages = stages;
    }

    /** One row of the stage editor. */
    public static class StageRow {

        private String name;
        private Role approverRole;
        private List<UUID> approverIds = new ArrayList<>();
        private Integer requiredApprovals;
        private Role escalateToRole;
        private UUID escalateToMember;
        private boolean existing;
        private boolean remove;

        static StageRow of(StageRule rule) {
            StageRow row = new StageRow();
            row.name = rule.name();
            row.approverRole = rule.approverRole();
            row.approverIds = new ArrayList<>(rule.approverIds());
            row.requiredApprovals = rule.requiredApprovals();
            row.escalateToRole = rule.escalateToRole();
            row.escalateToMember = rule.escalateToMember();
            row.existing = true;
            return row;
        }

        static StageRow blank() {
            StageRow row = new StageRow();
            row.approverRole = Role.APPROVER;
            row.requiredApprovals = 1;
            row.escalateToRole = Role.MANAGER;
            return row;
        }

        boolean isBlank() {
            return (name == null || name.isBlank()) && (approverIds == null || approverIds.isEmpty());
        }

        StageRule toRule() {
            return new StageRule(name == null ? "" : name, approverRole, approverIds,
                    requiredApprovals == null ? 0 : requiredApprovals, escalateToRole, escalateToMember);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Role getApproverRole() {
            return approverRole;
        }

        public void setApproverRole(Role approverRole) {
            this.approverRole = approverRole;
        }

        public List<UUID> getApproverIds() {
            return approverIds;
        }

        public void setApproverIds(List<UUID> approverIds) {
            this.approverIds = approverIds == null ? new ArrayList<>() : approverIds;
        }

        public Integer getRequiredApprovals() {
            return requiredApprovals;
        }

        public void setRequiredApprovals(Integer requiredApprovals) {
            this.requiredApprovals = requiredApprovals;
        }

        public Role getEscalateToRole() {
            return escalateToRole;
        }

        public void setEscalateToRole(Role escalateToRole) {
            this.escalateToRole = escalateToRole;
        }

        public UUID getEscalateToMember() {
            return escalateToMember;
        }

        public void setEscalateToMember(UUID escalateToMember) {
            this.escalateToMember = escalateToMember;
        }

        public boolean isExisting() {
            return existing;
        }

        public void setExisting(boolean existing) {
            this.existing = existing;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }
}

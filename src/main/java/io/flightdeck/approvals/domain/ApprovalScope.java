package io.flightdeck.approvals.domain;

import java.util.ArrayList;
import java.util.List;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A workspace's approval scope (strategy, content, schedule, ads, or its own) and its stages. */
@Entity
@Table(name = "approval_scopes")
class ApprovalScope extends TenantOwnedEntity {

    static final String STRATEGY = "strategy";

    @Column(name = "scope_key")
    private String key;
    private String name;
    private boolean enabled;
    private int position;
    private boolean followsStrategy;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<StageRule> stages = new ArrayList<>();
    @Version
    private Long version;

    protected ApprovalScope() {
    }

    ApprovalScope(String key, String name, int position, boolean followsStrategy, List<StageRule> stages) {
        this.key = key;
        this.name = name;
        this.enabled = true;
        this.position = position;
        this.followsStrategy = followsStrategy;
        this.stages = new ArrayList<>(stages);
    }

    /** The four scopes of seed 000, each with one review stage for approvers. */
    static List<ApprovalScope> defaults() {
        return List.of(
                new ApprovalScope(STRATEGY, "Strategy", 0, false, List.of(StageRule.review())),
                new ApprovalScope("content", "Content", 1, true, List.of(StageRule.review())),
                new ApprovalScope("schedule", "Schedule", 2, true, List.of(StageRule.review())),
                new ApprovalScope("ads", "Ads", 3, true, List.of(StageRule.review())));
    }

    String getKey() {
        return key;
    }

    String getName() {
        return name;
    }

    boolean isEnabled() {
        return enabled;
    }

    int getPosition() {
        return position;
    }

    boolean isFollowsStrategy() {
        return followsStrategy;
    }

    List<StageRule> getStages() {
        return List.copyOf(stages);
    }

    Long getVersion() {
        return version;
    }

    void change(String name, boolean enabled, int position, boolean followsStrategy, List<StageRule> stages) {
        this.name = name;
        this.enabled = enabled;
        this.position = position;
        this.followsStrategy = followsStrategy;
        this.stages = new ArrayList<>(stages);
    }
}

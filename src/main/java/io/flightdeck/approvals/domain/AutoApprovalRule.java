package io.flightdeck.approvals.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * "Approve content of at most 120 words from a trusted member on a low-priority campaign after 2 hours." Every condition
 * left empty matches anything; a rule with no conditions at all is refused when it is saved.
 */
@Entity
@Table(name = "approval_auto_rules")
class AutoApprovalRule extends TenantOwnedEntity {

    private String name;
    private boolean enabled = true;
    private String scopeKey;
    private Integer maxWords;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<UUID> trustedMemberIds = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<CampaignPriority> campaignPriorities = new ArrayList<>();
    private int afterMinutes;
    private UUID createdBy;
    private Instant createdAt;
    @Version
    private Long version;

    protected AutoApprovalRule() {
    }

    AutoApprovalRule(UUID createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void change(String name, boolean enabled, String scopeKey, Integer maxWords, List<UUID> trustedMemberIds,
            List<CampaignPriority> campaignPriorities, int afterMinutes) {
        this.name = name;
        this.enabled = enabled;
        this.scopeKey = scopeKey;
        this.maxWords = maxWords;
        this.trustedMemberIds = new ArrayList<>(trustedMemberIds);
        this.campaignPriorities = new ArrayList<>(campaignPriorities);
        this.afterMinutes = afterMinutes;
    }

    /** Whether this rule approves the given open approval at {@code now}. */
    boolean matches(Approval approval, CampaignPriority priority, Instant now) {
        return enabled
                && (scopeKey == null || scopeKey.equals(approval.getScopeKey()))
                && (maxWords == null || (approval.getWordCount() != null && approval.getWordCount() <= maxWords))
                && (trustedMemberIds.isEmpty() || trustedMemberIds.contains(approval.getRequestedBy()))
                && (campaignPriorities.isEmpty() || campaignPriorities.contains(priority))
                && !now.isBefore(approval.getStageOpenedAt().plus(Duration.ofMinutes(afterMinutes)));
    }

    String getName() {
        return name;
    }

    boolean isEnabled() {
        return enabled;
    }

    String getScopeKey() {
        return scopeKey;
    }

    Integer getMaxWords() {
        return maxWords;
    }

    List<UUID> getTrustedMemberIds() {
        return List.copyOf(trustedMemberIds);
    }

    List<CampaignPriority> getCampaignPriorities() {
        return List.copyOf(campaignPriorities);
    }

    int getAfterMinutes() {
        return afterMinutes;
    }

    Long getVersion() {
        return version;
    }
}

package io.flightdeck.guidance.recommendations;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A workspace's own choice to have one recommendation rule on or off; without it the rule's default holds. */
@Entity
@Table(name = "guidance_rule_settings")
class RuleSetting extends VersionedEntity {

    @Column(name = "rule_id", nullable = false, updatable = false)
    private String ruleId;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "updated_by", nullable = false)
    private UUID updatedBy;

    protected RuleSetting() {
    }

    RuleSetting(String ruleId, boolean enabled, UUID by, Instant now) {
        this.ruleId = ruleId;
        this.enabled = enabled;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    void change(boolean to, UUID by, Instant now) {
        if (enabled != to) {
            enabled = to;
            updatedBy = by;
            updatedAt = now;
        }
    }

    String ruleId() {
        return ruleId;
    }

    boolean enabled() {
        return enabled;
    }
}

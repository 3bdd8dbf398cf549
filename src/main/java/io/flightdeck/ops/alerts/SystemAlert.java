package io.flightdeck.ops.alerts;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.ops.AlertOpened;
import io.flightdeck.ops.AlertResolved;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One incident of a rule: opened by the evaluator when the rule has breached for its wait, acknowledged by a person
 * (so the others know someone is on it), resolved by itself when the condition clears or by a person. Opening and
 * resolving raise the events that notify the workspace's admins.
 */
@Entity
@Table(name = "system_alerts")
class SystemAlert extends TenantOwnedEntity {

    private UUID ruleId;
    private String ruleName;
    private String metric;
    @Enumerated(EnumType.STRING)
    private AlertSeverity severity;
    @Enumerated(EnumType.STRING)
    private AlertStatus status;
    private String message;
    private double openedValue;
    private double lastValue;
    private Instant openedAt;
    private @Nullable Instant acknowledgedAt;
    private @Nullable UUID acknowledgedBy;
    private @Nullable Instant resolvedAt;
    private @Nullable UUID resolvedBy;
    @Version
    private long version;

    protected SystemAlert() {
    }

    SystemAlert(UUID workspaceId, AlertRule rule, double value, Instant now) {
        this.ruleId = rule.getId();
        this.ruleName = rule.getName();
        this.metric = rule.getMetric();
        this.severity = rule.getSeverity();
        this.status = AlertStatus.OPEN;
        this.message = rule.describe(value);
        this.openedValue = value;
        this.lastValue = value;
        this.openedAt = now;
        registerEvent(new AlertOpened(workspaceId, getId(), ruleName, severity.name(), message, now));
    }

    /** The condition still holds: the alert shows the latest value. */
    void stillHolds(double value) {
        this.lastValue = value;
    }

    void acknowledge(UUID by, Instant now) {
        AlertMove.ACKNOWLEDGE.requireFrom(status, "alert");
        status = AlertStatus.ACKNOWLEDGED;
        acknowledgedAt = now;
        acknowledgedBy = by;
    }

    void resolve(UUID workspaceId, @Nullable UUID by, Instant now) {
        (by == null ? AlertMove.CLEAR : AlertMove.RESOLVE).requireFrom(status, "alert");
        status = AlertStatus.RESOLVED;
        resolvedAt = now;
        resolvedBy = by;
        registerEvent(new AlertResolved(workspaceId, getId(), ruleName, by, now));
    }

    AlertView view() {
        return new AlertView(getId(), ruleId, ruleName, metric, severity, status, message, openedValue, lastValue,
                openedAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy,
                status == AlertStatus.RESOLVED && resolvedBy == null, version);
    }

    UUID getRuleId() {
        return ruleId;
    }

    AlertStatus getStatus() {
        return status;
    }
}

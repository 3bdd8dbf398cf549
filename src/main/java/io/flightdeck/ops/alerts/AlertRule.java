package io.flightdeck.ops.alerts;

import java.time.Duration;
import java.time.Instant;

import io.flightdeck.ops.health.MonitoredMetric;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A rule over one monitored metric: it breaches while the metric is above (or below) its threshold, and opens an
 * alert once it has breached for {@code forMinutes}. When the breach began is kept here, so the wait survives a
 * restart and a node change. A built-in rule has a key and is switched off rather than deleted.
 */
@Entity
@Table(name = "alert_rules")
class AlertRule extends VersionedEntity {

    private @Nullable String builtinKey;
    private String name;
    private String metric;
    @Enumerated(EnumType.STRING)
    private AlertComparison comparison;
    private double threshold;
    private int forMinutes;
    @Enumerated(EnumType.STRING)
    private AlertSeverity severity;
    private boolean enabled;
    private @Nullable Instant breachingSince;
    private @Nullable Double lastValue;
    private @Nullable Instant evaluatedAt;
    private Instant createdAt;

    protected AlertRule() {
    }

    AlertRule(@Nullable String builtinKey, AlertRuleSettings settings, Instant now) {
        this.builtinKey = builtinKey;
        this.createdAt = now;
        change(settings, now);
    }

    void change(AlertRuleSettings settings, Instant now) {
        this.name = settings.name();
        this.metric = settings.metric().key();
        this.comparison = settings.comparison();
        this.threshold = settings.threshold();
        this.forMinutes = settings.forMinutes();
        this.severity = settings.severity();
        this.enabled = settings.enabled();
        this.updatedAt = now;
        if (!enabled) {
            breachingSince = null; // a rule switched back on starts its wait afresh
        }
    }

    /**
     * Takes a reading. Answers whether the rule now wants an alert: it breaches and has for its whole wait.
     */
    boolean observe(double value, Instant now) {
        lastValue = value;
        evaluatedAt = now;
        if (!comparison.holds(value, threshold)) {
            breachingSince = null;
            return false;
        }
        if (breachingSince == null) {
            breachingSince = now;
        }
        return !breachingSince.plus(Duration.ofMinutes(forMinutes)).isAfter(now);
    }

    /** A person resolved its alert while it still breaches: a new one opens only if the breach lasts its wait again. */
    void startWaitAgain(Instant now) {
        if (breachingSince != null) {
            breachingSince = now;
        }
    }

    String describe(double value) {
        return metricLabel() + " is " + number(value) + ", " + comparison.words() + " " + number(threshold)
                + (forMinutes == 0 ? "" : ", for " + forMinutes + (forMinutes == 1 ? " minute" : " minutes"));
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private String metricLabel() {
        return MonitoredMetric.ofKey(metric).map(MonitoredMetric::label).orElse(metric);
    }

    AlertRuleView view() {
        return new AlertRuleView(getId(), builtinKey, name, metric, metricLabel(), comparison, threshold, forMinutes,
                severity, enabled, breachingSince, lastValue, evaluatedAt, createdAt, updatedAt, version);
    }

    AlertRuleSettings settings() {
        return new AlertRuleSettings(name, MonitoredMetric.ofKey(metric).orElseThrow(), comparison, threshold,
                forMinutes, severity, enabled);
    }

    @Nullable String getBuiltinKey() {
        return builtinKey;
    }

    String getName() {
        return name;
    }

    String getMetric() {
        return metric;
    }

    AlertSeverity getSeverity() {
        return severity;
    }

    boolean isEnabled() {
        return enabled;
    }

    @Nullable Instant getBreachingSince() {
        return breachingSince;
    }

    @Nullable Double getLastValue() {
        return lastValue;
    }

    @Nullable Instant getEvaluatedAt() {
        return evaluatedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    long getVersion() {
        return version;
    }
}

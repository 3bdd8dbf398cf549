package io.flightdeck.ops.alerts;

import io.flightdeck.ops.health.MonitoredMetric;

/** What a person sets on a rule, checked ({@link AlertRuleInput#check}). */
record AlertRuleSettings(String name, MonitoredMetric metric, AlertComparison comparison, double threshold, int forMinutes,
        AlertSeverity severity, boolean enabled) {
}

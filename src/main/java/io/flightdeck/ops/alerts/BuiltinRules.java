package io.flightdeck.ops.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.ops.health.MonitoredMetric;

/**
 * The rules every workspace starts with, by key. Each can be changed or switched off, never deleted, so a workspace
 * always knows what it chose not to hear. The waits add to the metric's own: a stalled queue has already waited five
 * minutes before it counts.
 */
final class BuiltinRules {

    static final Map<String, AlertRuleSettings> ALL = all();

    private BuiltinRules() {
    }

    private static Map<String, AlertRuleSettings> all() {
        Map<String, AlertRuleSettings> rules = new LinkedHashMap<>();
        rules.put("queue-stalled", rule("Queue stalled", MonitoredMetric.JOBS_STALLED, 0, AlertSeverity.CRITICAL));
        rules.put("events-stuck", rule("Event publications stuck", MonitoredMetric.EVENTS_STUCK, 0,
                AlertSeverity.WARNING));
        rules.put("channel-broken", rule("Channel account broken", MonitoredMetric.CHANNELS_BROKEN, 0,
                AlertSeverity.WARNING));
        rules.put("mail-refused", rule("Mail refused", MonitoredMetric.MAIL_FAILING, 2, AlertSeverity.CRITICAL));
        // the server takes mail but turns messages away: a bad list, a blocked sender, a broken domain
        rules.put("emails-refused", new AlertRuleSettings("Emails refused or bounced", MonitoredMetric.MAIL_REFUSED,
                AlertComparison.ABOVE, 10, 0, AlertSeverity.WARNING, true));
        rules.put("storage-failing", rule("Disk or file storage failing", MonitoredMetric.STORAGE_FAILING, 2,
                AlertSeverity.CRITICAL));
        return java.util.Collections.unmodifiableMap(rules);
    }

    private static AlertRuleSettings rule(String name, MonitoredMetric metric, int forMinutes, AlertSeverity severity) {
        return new AlertRuleSettings(name, metric, AlertComparison.ABOVE, 0, forMinutes, severity, true);
    }
}

package io.flightdeck.ops.alerts;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An alert rule as the API and the pages show it.
 *
 * @param builtinKey     set on Flightdeck's own rules, which are switched off rather than deleted
 * @param breachingSince since when its condition has held, or null while it does not
 * @param lastValue      the metric at the latest evaluation, or null before the first
 */
@Schema(name = "AlertRule")
public record AlertRuleView(UUID id, @Nullable String builtinKey, String name,
        @Schema(example = "jobs.stalled") String metric, String metricLabel, AlertComparison comparison, double threshold,
        int forMinutes, AlertSeverity severity, boolean enabled, @Nullable Instant breachingSince,
        @Nullable Double lastValue, @Nullable Instant evaluatedAt, Instant createdAt, Instant updatedAt,
        long version) {

    /** A threshold as people write it: 0 rather than 0.0. */
    public static String number(double value) {
        return AlertRule.number(value);
    }
}

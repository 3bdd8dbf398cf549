package io.flightdeck.ops.alerts;

import java.util.Arrays;

import io.flightdeck.ops.health.MonitoredMetric;
import io.flightdeck.shared.InputProblems;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A rule as a person writes it, through the API or the rules page. Everything is checked at once, before anything is
 * written; {@code enabled} left out means on.
 */
@Schema(name = "AlertRuleInput")
public record AlertRuleInput(
        @Schema(example = "Publishing queue stalled", maxLength = 120) @Nullable String name,
        @Schema(example = "jobs.stalled", description = "a metric's key (GET /api/v1/monitoring/metrics)")
        @Nullable String metric,
        @Schema(example = "ABOVE", allowableValues = {"ABOVE", "BELOW"}) @Nullable String comparison,
        @Schema(example = "0") @Nullable Double threshold,
        @Schema(example = "5", minimum = "0", maximum = "1440", description = "how long the condition must hold")
        @Nullable Integer forMinutes,
        @Schema(example = "WARNING", allowableValues = {"INFO", "WARNING", "CRITICAL"}) @Nullable String severity,
        @Schema(example = "true") @Nullable Boolean enabled) {

    static final int NAME_MAX = 120;
    static final int FOR_MAX = 1440;

    AlertRuleSettings check() {
        InputProblems problems = new InputProblems();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            problems.add("name", "Give the rule a name");
        } else if (cleanName.length() > NAME_MAX) {
            problems.add("name", "A name has at most " + NAME_MAX + " characters");
        }
        MonitoredMetric chosen = metric == null ? null : MonitoredMetric.ofKey(metric.strip()).orElse(null);
        if (chosen == null) {
            problems.add("metric", "Choose one of the metrics: " + String.join(", ",
                    Arrays.stream(MonitoredMetric.values()).map(MonitoredMetric::key).toList()));
        }
        AlertComparison compared = pick(AlertComparison.class, comparison);
        if (compared == null) {
            problems.add("comparison", "Choose ABOVE or BELOW");
        }
        if (threshold == null || threshold.isNaN() || threshold.isInfinite()) {
            problems.add("threshold", "Give a threshold: a number");
        }
        if (forMinutes == null || forMinutes < 0 || forMinutes > FOR_MAX) {
            problems.add("forMinutes", "Say for how many minutes it must hold, from 0 to " + FOR_MAX);
        }
        AlertSeverity level = pick(AlertSeverity.class, severity);
        if (level == null) {
            problems.add("severity", "Choose INFO, WARNING or CRITICAL");
        }
        problems.throwIfAny("The rule");
        return new AlertRuleSettings(cleanName, chosen, compared, threshold, forMinutes, level,
                enabled == null || enabled);
    }

    private static <E extends Enum<E>> @Nullable E pick(Class<E> type, @Nullable String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(value.strip()))
                .findFirst().orElse(null);
    }
}

package io.flightdeck.ops.alerts;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A system alert as the API and the pages show it.
 *
 * @param message       what held when it opened, in words
 * @param lastValue     the metric's value at the latest evaluation while unresolved (at resolution afterwards)
 * @param clearedItself resolved because the condition cleared, not by a person
 */
@Schema(name = "SystemAlert")
public record AlertView(UUID id, UUID ruleId, String ruleName, @Schema(example = "jobs.stalled") String metric,
        AlertSeverity severity, AlertStatus status, String message, double openedValue, double lastValue,
        Instant openedAt, @Nullable Instant acknowledgedAt, @Nullable UUID acknowledgedBy,
        @Nullable Instant resolvedAt, @Nullable UUID resolvedBy, boolean clearedItself, long version) {
}

package io.flightdeck.ops.retention;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One kind's retention in the workspace, as the API and the page show it.
 *
 * @param keeps     what a purge of this kind never removes, whatever its age
 * @param setByAdmin false while the kind keeps its default
 * @param updatedAt when an admin last set it, or null
 */
@Schema(name = "RetentionPolicy")
public record RetentionPolicyView(@Schema(example = "audit-log") String kind, String label, String keeps,
        int keepDays, boolean exportBeforePurge, boolean exportable, int defaultDays, int minDays, int maxDays,
        boolean setByAdmin, @Nullable Instant updatedAt) {
}

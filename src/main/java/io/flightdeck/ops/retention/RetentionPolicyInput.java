package io.flightdeck.ops.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One kind's retention as an admin sets it; {@code exportBeforePurge} left out means off. */
@Schema(name = "RetentionPolicyInput")
public record RetentionPolicyInput(
        @Schema(example = "audit-log", description = "a kind's key (GET /api/v1/retention/policies)") @Nullable String kind,
        @Schema(example = "365", description = "days a record is kept; each kind has its bounds (minDays, maxDays)")
        @Nullable Integer keepDays,
        @Schema(example = "true", description = "write the rows to a downloadable export before they are deleted")
        @Nullable Boolean exportBeforePurge) {
}

package io.flightdeck.planning;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** One member's week: assigned against available hours, as the team page's workload counts them. */
public record MemberUtilisation(@Schema(example = "01a20265-2a31-7a3c-90a1-0d396ed28a70") UUID userId,
        @Schema(example = "Ada Lovelace") String displayName,
        @Schema(example = "36.0") double assignedHours, @Schema(example = "32.0") double availableHours,
        @Schema(description = "null when they have no hours that week", example = "113") Integer utilisationPct,
        @Schema(example = "true") boolean overAllocated) {
}

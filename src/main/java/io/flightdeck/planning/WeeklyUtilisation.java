package io.flightdeck.planning;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One week's utilisation: the estimated hours of assigned tasks (done ones included, cancelled ones not) spread over
 * their working days, against the hours members are available; the team's figures add up its members'.
 */
public record WeeklyUtilisation(@Schema(example = "2026-11-16") LocalDate weekStart,
        @Schema(example = "64.0") double assignedHours, @Schema(example = "80.0") double availableHours,
        @Schema(description = "null when nobody has hours that week", example = "80") Integer utilisationPct,
        @Schema(example = "false") boolean overAllocated,
        @Schema(description = "members with more work than hours", example = "1") int overAllocatedMembers,
        List<MemberUtilisation> members) {
}

package io.flightdeck.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Task-completion trends and team utilisation for a range of whole weeks, oldest first; both lists have one entry
 * per week, in the same order.
 */
public record TeamTrendReport(@Schema(example = "Europe/Berlin") String timeZone,
        @Schema(description = "the first week's Monday", example = "2026-09-07") LocalDate from,
        @Schema(description = "the last week's Sunday", example = "2026-11-29") LocalDate to,
        @Schema(description = "open and overdue counts of the current week are as of this instant",
                example = "2026-11-25T09:30:00Z") Instant asOf,
        List<WeeklyTaskTrend> tasks, List<WeeklyUtilisation> utilisation) {
}

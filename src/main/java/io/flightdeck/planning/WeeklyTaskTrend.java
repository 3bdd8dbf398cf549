package io.flightdeck.planning;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One week's tasks (milestones and cancelled or deleted tasks left out). A completion is on time when its day, in the
 * workspace's time zone, is on or before the due date; one without a due date is neither. Open and overdue are counted
 * at the week's end (for the current week: now), overdue meaning due before that day.
 */
public record WeeklyTaskTrend(@Schema(example = "2026-11-16") LocalDate weekStart,
        @Schema(example = "2026-11-22") LocalDate weekEnd,
        @Schema(description = "tasks completed in the week", example = "7") int completed,
        @Schema(example = "5") int completedOnTime,
        @Schema(example = "1") int completedLate,
        @Schema(description = "tasks whose due date falls in the week", example = "6") int becameDue,
        @Schema(description = "tasks open at the week's end", example = "14") int openAtEnd,
        @Schema(description = "open tasks past their due date at the week's end", example = "2") int overdueAtEnd) {
}

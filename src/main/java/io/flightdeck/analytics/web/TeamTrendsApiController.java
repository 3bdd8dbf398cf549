package io.flightdeck.analytics.web;

import java.time.LocalDate;

import io.flightdeck.planning.PlanningTrends;
import io.flightdeck.planning.TeamTrendReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The team's completion trends and utilisation per week (seed 003's phase 8): anyone in the workspace reads them. */
@RestController
@Tag(name = "Analytics")
class TeamTrendsApiController {

    private final PlanningTrends trends;

    TeamTrendsApiController(PlanningTrends trends) {
        this.trends = trends;
    }

    @Operation(summary = "Per whole week (Monday to Sunday, the workspace's time zone): tasks completed, on time and "
            + "late, tasks that became due, tasks open and overdue at the week's end, and the team's utilisation "
            + "overall and per member")
    @GetMapping("/api/v1/analytics/team")
    TeamTrendReport team(
            @Parameter(description = "a day in the first week (default: 11 weeks before to's week)",
                    example = "2026-09-07")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "a day in the last week, at the latest this one (default: today); at most "
                    + PlanningTrends.MAX_WEEKS + " weeks in all", example = "2026-11-25")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return trends.weekly(from, to);
    }
}

package io.flightdeck.planning.web;

import java.time.LocalDate;

import io.flightdeck.planning.workload.TeamPerformanceReport;
import io.flightdeck.planning.workload.TeamPerformanceView;
import io.flightdeck.planning.workload.TeamWorkloadReport;
import io.flightdeck.planning.workload.TeamWorkloadView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The team's workload per week and its delivery figures. */
@RestController
@RequestMapping("/api/v1/team")
@Tag(name = "Team workload", description = "Assigned against available hours per week; utilisation and performance")
class TeamWorkloadApiController {

    private final TeamWorkloadReport workload;
    private final TeamPerformanceReport performance;

    TeamWorkloadApiController(TeamWorkloadReport workload, TeamPerformanceReport performance) {
        this.workload = workload;
        this.performance = performance;
    }

    @Operation(summary = "Per member per ISO week: available hours (after time off and holidays), assigned hours (open "
            + "tasks, estimates spread over their working days), utilisation and over-allocation. from: any day of the "
            + "first week (default this week in your time zone); weeks 1 to 26 (default 8)")
    @GetMapping("/workload")
    TeamWorkloadView workload(@RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) Integer weeks) {
        return workload.workload(from, weeks);
    }

    @Operation(summary = "Per member and for the team over the last weeks (1 to 52, default 12): tasks completed, "
            + "on-time rate, throughput per week, average cycle time in days and utilisation")
    @GetMapping("/performance")
    TeamPerformanceView performance(@RequestParam(required = false) Integer weeks) {
        return performance.performance(weeks);
    }
}

package io.flightdeck.analytics.web;

import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.analytics.dashboards.CampaignDashboards.CampaignDashboard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's dashboard (seed 002's analytics dashboard): anyone in the workspace reads it. */
@RestController
@Tag(name = "Analytics")
class CampaignDashboardApiController {

    private final CampaignDashboards dashboards;

    CampaignDashboardApiController(CampaignDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @Operation(summary = "The campaign's key figures for a range of the workspace's days beside the same number of days "
            + "before (change in per cent), per channel too, and the daily trend; money per currency; as of when")
    @GetMapping("/api/v1/analytics/campaigns/{id}/dashboard")
    CampaignDashboard dashboard(@PathVariable UUID id,
            @Parameter(description = "first day, the workspace's (default: 29 days before to)", example = "2026-11-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, included (default: today)", example = "2026-11-30")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboards.of(id, from, to);
    }
}

package io.flightdeck.analytics.web;

import java.time.LocalDate;

import io.flightdeck.analytics.dashboards.SummarySort;
import io.flightdeck.analytics.dashboards.WorkspaceSummaries;
import io.flightdeck.analytics.dashboards.WorkspaceSummaries.WorkspaceSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The all-campaigns summary (seed 002's campaigns/all/summary): anyone in the workspace reads it. */
@RestController
@Tag(name = "Analytics")
class WorkspaceSummaryApiController {

    private final WorkspaceSummaries summaries;

    WorkspaceSummaryApiController(WorkspaceSummaries summaries) {
        this.summaries = summaries;
    }

    // "all" is a path of its own beside campaigns/{id}/dashboard: the last segment tells them apart, never the id
    @Operation(summary = "Every campaign with numbers in a range of the workspace's days or the same number of days "
            + "before: its key figures beside the days before, sorted and paged, with the workspace's totals (money "
            + "per currency, campaigns in the trash included) and as of when")
    @GetMapping("/api/v1/analytics/campaigns/all/summary")
    WorkspaceSummary summary(
            @Parameter(description = "first day, the workspace's (default: 29 days before to)", example = "2026-11-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, included (default: today)", example = "2026-11-30")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "clicks, conversions, spend or name, optionally with ,asc or ,desc (figures "
                    + "largest first and names from A unless said)", example = "spend,desc")
            @RequestParam(required = false) String sort,
            @Parameter(description = "the currency spend is compared in when sorting by spend (default: the one the "
                    + "most campaigns spent in)", example = "EUR")
            @RequestParam(required = false) String currency,
            @Parameter(description = "page, from 0", example = "0") @RequestParam(required = false) Integer page,
            @Parameter(description = "campaigns a page, 1 to 100 (default 20)", example = "20")
            @RequestParam(required = false) Integer size) {
        return summaries.of(from, to, SummarySort.parse(sort), currency, page, size);
    }
}

package io.flightdeck.analytics.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.analytics.schedules.ReportRuns;
import io.flightdeck.analytics.schedules.ReportSchedules;
import io.flightdeck.analytics.schedules.RunView;
import io.flightdeck.analytics.schedules.ScheduleRequest;
import io.flightdeck.analytics.schedules.ScheduleView;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scheduled reports: anyone in the workspace reads the schedules and their runs; managers make, change and remove
 * them, send the last period now and send a failed run again.
 */
@RestController
@RequestMapping("/api/v1/analytics/report-schedules")
@Tag(name = "Analytics")
class ReportSchedulesApiController {

    private final ReportSchedules schedules;
    private final ReportRuns runs;

    ReportSchedulesApiController(ReportSchedules schedules, ReportRuns runs) {
        this.schedules = schedules;
        this.runs = runs;
    }

    @Schema(name = "ReportScheduleChange")
    record ScheduleChange(Boolean paused, @Size(max = ScheduleRequest.MAX_RECIPIENTS)
            @ArraySchema(schema = @Schema(example = "boss@example.com")) List<String> recipients, Boolean skipWhenEmpty) {
    }

    @Operation(summary = "The workspace's report schedules, newest first, each with its next report and last run")
    @GetMapping
    PageResponse<ScheduleView> list(
            @Parameter(description = "one campaign's schedules only") @RequestParam(required = false) UUID campaignId,
            @Parameter(description = "page, from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "schedules a page, 1 to 100 (20)") @RequestParam(required = false) Integer size) {
        var paging = Paging.of(page, size, Sort.unsorted());
        return schedules.list(campaignId, paging.getPageNumber(), paging.getPageSize());
    }

    @Operation(summary = "Schedule a campaign's report by email (managers): kind SUMMARY, DETAILED or EXECUTIVE "
            + "(SUMMARY); file PDF, XLSX or CSV (PDF); DAILY, WEEKLY or MONTHLY, due at 07:00 in the workspace's "
            + "zone after each whole period; up to 10 addresses (yours when none); skip when empty (yes)")
    @PostMapping
    @PreAuthorize("hasRole('MANAGER')")
    @ResponseStatus(HttpStatus.CREATED)
    ScheduleView create(@RequestBody ScheduleRequest body) {
        return schedules.create(body);
    }

    @Operation(summary = "One report schedule")
    @GetMapping("/{id}")
    ScheduleView get(@PathVariable UUID id) {
        return schedules.get(id);
    }

    @Operation(summary = "Pause or resume a schedule, or change its recipients or its skip when empty (managers)")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ScheduleView change(@PathVariable UUID id, @Valid @RequestBody ScheduleChange body) {
        return schedules.change(id, body.paused(), body.recipients(), body.skipWhenEmpty());
    }

    @Operation(summary = "Remove a schedule and its runs' records (managers)")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        schedules.delete(id);
    }

    @Operation(summary = "The schedule's runs, one per period, the latest first, with each outcome")
    @GetMapping("/{id}/runs")
    PageResponse<RunView> runs(@PathVariable UUID id,
            @Parameter(description = "page, from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "runs a page, 1 to 100 (20)") @RequestParam(required = false) Integer size) {
        schedules.get(id);
        var paging = Paging.of(page, size, Sort.unsorted());
        return runs.list(id, paging.getPageNumber(), paging.getPageSize());
    }

    @Operation(summary = "Send the last whole period's report now (managers); 409 when that period has a run already")
    @PostMapping("/{id}/runs")
    @PreAuthorize("hasRole('MANAGER')")
    @ResponseStatus(HttpStatus.CREATED)
    RunView sendNow(@PathVariable UUID id) {
        return schedules.sendNow(id);
    }

    @Operation(summary = "Send a failed, missed or doubtful run again (managers): only to those it did not reach; "
            + "409 illegal-transition for a run that is due, sent or skipped")
    @PostMapping("/{id}/runs/{runId}/retry")
    @PreAuthorize("hasRole('MANAGER')")
    RunView retry(@PathVariable UUID id, @PathVariable UUID runId) {
        return runs.retry(id, runId);
    }
}

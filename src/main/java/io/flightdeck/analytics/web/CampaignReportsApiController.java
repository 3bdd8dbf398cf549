package io.flightdeck.analytics.web;

import java.io.IOException;
import java.util.UUID;

import io.flightdeck.analytics.reports.CampaignReport;
import io.flightdeck.analytics.reports.CampaignReports;
import io.flightdeck.analytics.reports.ReportFiles;
import io.flightdeck.analytics.reports.ReportFormat;
import io.flightdeck.analytics.reports.ReportKind;
import io.flightdeck.analytics.reports.ReportQuery;
import io.flightdeck.shared.web.ReadOnlyOperation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's reports and exports (seed 002): any member may ask, since nothing changes. The body's format decides
 * the answer's type; the file is written as it is made.
 */
@RestController
@Tag(name = "Analytics")
class CampaignReportsApiController {

    private static final String CSV = "text/csv";

    private final CampaignReports reports;
    private final ReportFiles files;

    CampaignReportsApiController(CampaignReports reports, ReportFiles files) {
        this.reports = reports;
        this.files = files;
    }

    @Operation(summary = "A summary, detailed or executive report of the campaign for a range of the workspace's days, "
            + "as JSON (the report's data), CSV, XLSX or PDF (with its chart), as an attachment; every format holds "
            + "the same numbers and the same as-of")
    @ApiResponse(responseCode = "200", description = "The report, as the format asked", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CampaignReport.class)),
            @Content(mediaType = CSV, schema = @Schema(type = "string")),
            @Content(mediaType = ReportFormat.XLSX_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ReadOnlyOperation
    @PostMapping(path = "/api/v1/analytics/campaigns/{id}/report", produces = {MediaType.APPLICATION_JSON_VALUE, CSV,
            ReportFormat.XLSX_TYPE, MediaType.APPLICATION_PDF_VALUE})
    void report(@PathVariable UUID id, @RequestBody CampaignReportRequest request, HttpServletResponse response)
            throws IOException {
        ReportKind kind = ReportKind.parse(request.kind());
        ReportFormat format = ReportFormat.parse(request.format(), ReportFormat.values());
        CampaignReport report = reports.build(new ReportQuery(id, kind, request.from(), request.to()));
        ReportResponses.send(files, report, format, response);
    }

    @Operation(summary = "The campaign's detailed numbers for a range (key figures, money per currency, channels, each "
            + "day and each channel beside the days before) as CSV or JSON, as an attachment")
    @ApiResponse(responseCode = "200", description = "The export, as the format asked", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CampaignReport.class)),
            @Content(mediaType = CSV, schema = @Schema(type = "string"))})
    @ReadOnlyOperation
    @PostMapping(path = "/api/v1/analytics/campaigns/{id}/export", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    void export(@PathVariable UUID id, @RequestBody CampaignExportRequest request, HttpServletResponse response)
            throws IOException {
        ReportFormat format = ReportFormat.parse(request.format(), ReportFormat.CSV, ReportFormat.JSON);
        CampaignReport report = reports.build(new ReportQuery(id, ReportKind.DETAILED, request.from(), request.to()));
        ReportResponses.send(files, report, format, response);
    }
}

package io.flightdeck.campaigns.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.domain.CampaignFilter;
import io.flightdeck.shared.export.ExportFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The campaign list as a file, with the list's filters; any member may export it. */
@RestController
@Tag(name = "Campaigns")
class CampaignExportApiController {

    private final CampaignExport export;

    CampaignExportApiController(CampaignExport export) {
        this.export = export;
    }

    @Operation(summary = "Every campaign the list's filters keep, as CSV or Excel (format=csv or xlsx), streamed; "
            + "cells that could start a spreadsheet formula are written as text")
    @GetMapping(value = "/api/v1/campaigns/export", produces = {"text/csv", ExportFormat.XLSX_TYPE})
    void api(@RequestParam(required = false) String format,
            @RequestParam(required = false) Set<CampaignStatus> status,
            @RequestParam(required = false) CampaignType type, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) CampaignPriority priority, @RequestParam(required = false) String tag,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "updatedAt,desc") String sort, HttpServletResponse response)
            throws IOException {
        export.send(response, format, new CampaignFilter(status, type, ownerId, priority, tag, channel, from, to, q), sort);
    }
}

package io.flightdeck.analytics.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of a report request: the kind and the format as names (an unknown one is a 400 naming the field, never a
 * parse error), and the range (by default the last 30 days, today included).
 */
record CampaignReportRequest(
        @Schema(description = "SUMMARY, DETAILED or EXECUTIVE", example = "EXECUTIVE",
                allowableValues = {"SUMMARY", "DETAILED", "EXECUTIVE"}, requiredMode = Schema.RequiredMode.REQUIRED)
        String kind,
        @Schema(description = "first day, the workspace's (default: 29 days before to)", example = "2026-11-16",
                nullable = true) LocalDate from,
        @Schema(description = "last day, included (default: today)", example = "2026-11-22", nullable = true)
        LocalDate to,
        @Schema(description = "JSON (the report's data), CSV, XLSX or PDF", example = "JSON",
                allowableValues = {"JSON", "CSV", "XLSX", "PDF"}, requiredMode = Schema.RequiredMode.REQUIRED)
        String format) {
}

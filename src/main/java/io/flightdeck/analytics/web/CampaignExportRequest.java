package io.flightdeck.analytics.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of an export of a campaign's detailed numbers: the range and the format, CSV or JSON. */
record CampaignExportRequest(
        @Schema(description = "first day, the workspace's (default: 29 days before to)", example = "2026-11-16",
                nullable = true) LocalDate from,
        @Schema(description = "last day, included (default: today)", example = "2026-11-22", nullable = true)
        LocalDate to,
        @Schema(description = "CSV or JSON", example = "CSV", allowableValues = {"CSV", "JSON"},
                requiredMode = Schema.RequiredMode.REQUIRED) String format) {
}

package io.flightdeck.analytics.reports;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a report is: one campaign, one kind, a range of the workspace's days (both ends included; null ends mean the
 * dashboard's default, the last 30 days). The screen, every file format and a scheduled report are built from this
 * alone, through {@link CampaignReports#build}.
 */
public record ReportQuery(UUID campaignId, ReportKind kind, LocalDate from, LocalDate to) {
}

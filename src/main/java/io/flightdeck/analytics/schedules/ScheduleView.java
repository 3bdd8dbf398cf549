package io.flightdeck.analytics.schedules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.analytics.reports.ReportFormat;
import io.flightdeck.analytics.reports.ReportKind;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A report schedule as the page and the API show it: which campaign's report, which kind and file, how often, to
 * whom, the period of the next report and when it is due, and the last run's outcome.
 */
@Schema(name = "ReportSchedule")
public record ScheduleView(UUID id, UUID campaignId, String campaignName, UUID ownerId, String ownerName,
        ReportKind kind, ReportFormat format, ReportCadence cadence, List<String> recipients, boolean skipWhenEmpty,
        boolean paused, Instant createdAt, ReportPeriod nextPeriod, Instant nextDueAt, @Nullable RunView lastRun) {
}

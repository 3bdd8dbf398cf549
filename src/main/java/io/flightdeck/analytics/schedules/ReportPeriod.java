package io.flightdeck.analytics.schedules;

import java.time.LocalDate;

/** The workspace's days a scheduled report covers, both included. */
public record ReportPeriod(LocalDate from, LocalDate to) {
}

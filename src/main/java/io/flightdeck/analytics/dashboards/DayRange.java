package io.flightdeck.analytics.dashboards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.shared.InvalidInputException;

/**
 * A range of the workspace's days, both ends included, and the same number of days just before it, which every
 * dashboard compares with. One place for the defaults (the last 30 days, today included) and the limits (forwards,
 * at most 366 days), so that every dashboard refuses a range in the same words.
 */
record DayRange(ZoneId zone, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo) {

    /** The range {@code from} to {@code to}; a null end means the default, counted from today in {@code zone}. */
    static DayRange of(LocalDate from, LocalDate to, ZoneId zone, Instant now) {
        LocalDate end = to != null ? to : LocalDate.ofInstant(now, zone);
        LocalDate start = from != null ? from : end.minusDays(CampaignDashboards.DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "The range starts after it ends: " + start + " to " + end);
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > CampaignDashboards.MAX_DAYS) {
            throw new InvalidInputException("to", "A dashboard covers at most " + CampaignDashboards.MAX_DAYS
                    + " days; this range has " + days);
        }
        LocalDate previousTo = start.minusDays(1);
        return new DayRange(zone, start, end, previousTo.minusDays(days - 1), previousTo);
    }

    /** The workspace's time zone, in which its rollups' days are cut. */
    static ZoneId zoneOf(WorkspaceDirectory workspaces, UUID tenant) {
        return workspaces.find(tenant).orElseThrow().timeZone();
    }
}

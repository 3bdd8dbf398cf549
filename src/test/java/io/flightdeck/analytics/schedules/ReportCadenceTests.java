package io.flightdeck.analytics.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Which days a report covers and when it is due, worked out by hand in a zone that is not UTC. */
class ReportCadenceTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin"); // UTC+1 in winter

    @Test
    void aWeeksReportIsDueOnMondayAtSevenInTheWorkspacesZone() {
        ReportPeriod week = new ReportPeriod(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-22"));
        assertThat(ReportCadence.WEEKLY.dueAt(week, BERLIN)).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        // Monday 06:59 in Berlin: last week is not due yet, the week before is the latest
        assertThat(ReportCadence.WEEKLY.latestDue(Instant.parse("2026-11-23T05:59:00Z"), BERLIN))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-15")));
        assertThat(ReportCadence.WEEKLY.latestDue(Instant.parse("2026-11-23T06:00:00Z"), BERLIN)).isEqualTo(week);
        // on a Wednesday the next report is this week's, due next Monday
        assertThat(ReportCadence.WEEKLY.nextDue(Instant.parse("2026-11-25T12:00:00Z"), BERLIN))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29")));
    }

    @Test
    void daysAndMonthsAcrossTheYearsEnd() {
        // 00:30 on 1 January in Berlin is still 31 December in UTC: the workspace's day counts
        Instant newYear = Instant.parse("2026-12-31T23:30:00Z");
        assertThat(ReportCadence.DAILY.latestDue(newYear, BERLIN))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2026-12-30"), LocalDate.parse("2026-12-30")));
        assertThat(ReportCadence.MONTHLY.latestDue(Instant.parse("2027-01-01T06:00:00Z"), BERLIN))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")));
        assertThat(ReportCadence.MONTHLY.nextDue(Instant.parse("2027-01-01T06:00:00Z"), BERLIN))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-31")));
        assertThat(ReportCadence.MONTHLY.previous(new ReportPeriod(LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-31"))))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-02-28")));
        assertThat(ReportCadence.DAILY.nextDue(Instant.parse("2026-11-25T12:00:00Z"), BERLIN))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-25")));
    }
}

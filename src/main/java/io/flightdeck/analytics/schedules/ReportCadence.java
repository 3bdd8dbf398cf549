package io.flightdeck.analytics.schedules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a scheduled report goes out, and which days each one covers: a day, a week from Monday to Sunday, or a
 * calendar month, in the workspace's days. A period's report is due at 07:00 of the workspace's next day, when the
 * period is whole and its numbers have had the night to arrive.
 */
public enum ReportCadence {
    DAILY, WEEKLY, MONTHLY;

    static final LocalTime SEND_AT = LocalTime.of(7, 0);

    /** The last whole period that ends before {@code day}. */
    ReportPeriod lastBefore(LocalDate day) {
        return switch (this) {
            case DAILY -> new ReportPeriod(day.minusDays(1), day.minusDays(1));
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod(monday.minusWeeks(1), monday.minusDays(1));
            }
            case MONTHLY -> {
                LocalDate first = day.withDayOfMonth(1);
                yield new ReportPeriod(first.minusMonths(1), first.minusDays(1));
            }
        };
    }

    /** The period just before this one. */
    ReportPeriod previous(ReportPeriod period) {
        return lastBefore(period.from());
    }

    /** When the period's report is due: 07:00 in the workspace's zone the day after it ends. */
    Instant dueAt(ReportPeriod period, ZoneId zone) {
        return period.to().plusDays(1).atTime(SEND_AT).atZone(zone).toInstant();
    }

    /** The latest period whose report is due at {@code now}. */
    ReportPeriod latestDue(Instant now, ZoneId zone) {
        ReportPeriod period = lastBefore(now.atZone(zone).toLocalDate());
        return dueAt(period, zone).isAfter(now) ? previous(period) : period;
    }

    /** The period of the next report after {@code now}, for the page's "next report". */
    ReportPeriod nextDue(Instant now, ZoneId zone) {
        ReportPeriod latest = latestDue(now, zone);
        return lastBefore(latest.to().plusDays(1).plusDays(switch (this) {
            case DAILY -> 1;
            case WEEKLY -> 7;
            case MONTHLY -> latest.to().plusDays(1).lengthOfMonth();
        }));
    }
}

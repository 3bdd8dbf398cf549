package io.flightdeck.planning.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Working days: Monday to Friday, minus the workspace's holidays. Timelines count durations in these. */
public record WorkingCalendar(Set<LocalDate> holidays) {

    public WorkingCalendar {
        holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The first working day on or after {@code day}. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The first working day on or before {@code day}. */
    public LocalDate onOrBefore(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The working day {@code days} working days after (positive) or before (negative) {@code from}, a working day. */
    public LocalDate shift(LocalDate from, int days) {
        LocalDate d = from;
        int left = Math.abs(days);
        int step = days >= 0 ? 1 : -1;
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days from {@code from} (inclusive) to {@code to} (exclusive); negative when {@code to} comes first. */
    public int between(LocalDate from, LocalDate to) {
        int sign = to.isBefore(from) ? -1 : 1;
        LocalDate a = sign > 0 ? from : to;
        LocalDate b = sign > 0 ? to : from;
        int count = 0;
        for (LocalDate d = a; d.isBefore(b); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return sign * count;
    }

    /**
     * The share of {@code hours} spread evenly over the working days of [start, due] that falls in [from, to]; 0 for
     * undated work or work with no working day.
     */
    public double shareWithin(double hours, LocalDate start, LocalDate due, LocalDate from, LocalDate to) {
        if (start == null || due == null) {
            return 0;
        }
        int days = 0;
        int inside = 0;
        for (LocalDate day = start; !day.isAfter(due); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                days++;
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    inside++;
                }
            }
        }
        return days == 0 ? 0 : hours * inside / days;
    }
}

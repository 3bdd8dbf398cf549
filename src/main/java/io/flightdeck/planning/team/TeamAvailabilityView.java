package io.flightdeck.planning.team;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The hours a member works on each day of a range: weekly hours times capacity, nothing on weekends, holidays and
 * time off.
 */
public record TeamAvailabilityView(UUID userId, LocalDate from, LocalDate to, double totalHours, List<Day> days) {

    /**
     * One day. {@code off} says why a day has no hours: {@code weekend}, {@code holiday}, {@code time-off}, or
     * {@code not-scheduled} (a working day with 0 weekly hours or 0 % capacity); null on a day with hours.
     */
    public record Day(LocalDate date, DayOfWeek weekday, double hours, @Nullable String off) {
    }
}

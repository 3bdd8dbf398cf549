package io.flightdeck.publishing.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;

/**
 * The days one page of the calendar shows: a month (whole weeks, Monday first), a week or a day around a date, with
 * the dates its previous and next pages start from.
 *
 * @param day   the date asked for (any day of the month or week shown)
 * @param first the first day shown
 * @param last  the last day shown
 */
record CalendarPeriod(View view, LocalDate day, LocalDate first, LocalDate last, LocalDate previous, LocalDate next,
        String title) {

    enum View {
        MONTH("month"), WEEK("week"), DAY("day");

        private final String noun;

        View(String noun) {
            this.noun = noun;
        }

        /** From the {@code view} parameter: month (the default), week or day, in any case. */
        static View parse(String view) {
            if (view == null || view.isBlank()) {
                return MONTH;
            }
            try {
                return valueOf(view.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("view", "must be month, week or day.");
            }
        }

        String param() {
            return noun;
        }

        /** The period in words for the empty state: in this month, in this week or on this day. */
        String inThis() {
            return this == DAY ? "on this day" : "in this " + noun;
        }
    }

    /** A date parameter in ISO form; blank is {@code fallback} (today for the date shown), or bad input without one. */
    static LocalDate parseDate(String field, String date, LocalDate fallback) {
        if ((date == null || date.isBlank()) && fallback != null) {
            return fallback;
        }
        try {
            return LocalDate.parse(date == null ? "" : date.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-12-01.");
        }
    }

    static CalendarPeriod of(View view, LocalDate day) {
        return switch (view) {
            case MONTH -> {
                LocalDate monthStart = day.withDayOfMonth(1);
                yield new CalendarPeriod(view, day, monthStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        monthStart.with(TemporalAdjusters.lastDayOfMonth())
                                .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)),
                        monthStart.minusMonths(1), monthStart.plusMonths(1),
                        monthStart.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + monthStart.getYear());
            }
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new CalendarPeriod(view, day, monday, monday.plusDays(6), monday.minusWeeks(1),
                        monday.plusWeeks(1), "Week of " + monday);
            }
            case DAY -> new CalendarPeriod(view, day, day, day, day.minusDays(1), day.plusDays(1),
                    day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day);
        };
    }

    /** Whether a day shown belongs to the period (a month's grid also shows the ends of its neighbours' weeks). */
    boolean inRange(LocalDate date) {
        return view != View.MONTH || date.getMonth() == day.getMonth() && date.getYear() == day.getYear();
    }
}

package io.flightdeck.analytics.budget;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The campaign's days as the plan counts them, from the workspace's today: all of them (both dates included), those
 * elapsed (today included, at most all of them), those left after today, and the recent days a daily average is
 * taken over (the last {@link #AVERAGE_OVER}, or the days since the start if fewer).
 */
record CampaignDays(LocalDate start, LocalDate end, LocalDate today) {

    static final int AVERAGE_OVER = 7;

    /** Both dates are set, in order: the plan can spread the budget over them. */
    boolean dated() {
        return start != null && end != null && !end.isBefore(start);
    }

    /** What keeps the plan from spreading the budget, in words ("start and end dates"); null when nothing does. */
    String missing() {
        if (start == null && end == null) {
            return "start and end dates";
        }
        if (start == null) {
            return "start date";
        }
        if (end == null) {
            return "end date";
        }
        return end.isBefore(start) ? "end date on or after its start date" : null;
    }

    long total() {
        return dated() ? ChronoUnit.DAYS.between(start, end) + 1 : 0;
    }

    long elapsed() {
        return dated() ? Math.max(0, Math.min(total(), ChronoUnit.DAYS.between(start, today) + 1)) : 0;
    }

    long left() {
        return dated() ? Math.max(0, Math.min(total(), ChronoUnit.DAYS.between(today, end))) : 0;
    }

    boolean started() {
        return start != null && !today.isBefore(start);
    }

    boolean ended() {
        return end != null && today.isAfter(end);
    }

    /** Spend of this day is spend to date: not after today, and not before the start when there is one. */
    boolean counts(LocalDate day) {
        return !day.isAfter(today) && (start == null || !day.isBefore(start));
    }

    /** The days the daily average is taken over; 0 before the start. */
    long averageDays() {
        return started() ? Math.min(AVERAGE_OVER, ChronoUnit.DAYS.between(start, today) + 1) : 0;
    }

    /** This day is one of those the daily average is taken over. */
    boolean recent(LocalDate day) {
        return started() && counts(day) && ChronoUnit.DAYS.between(day, today) < AVERAGE_OVER;
    }
}

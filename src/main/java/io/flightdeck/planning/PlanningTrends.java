package io.flightdeck.planning;

import java.time.LocalDate;

/**
 * The team's delivery over whole weeks, for analytics: tasks completed (on time or late), tasks that became due, tasks
 * open and overdue at each week's end, and the team's utilisation per week, overall and per member.
 */
public interface PlanningTrends {

    /** The longest range, in weeks: a year and a bit, so that any calendar year fits. */
    int MAX_WEEKS = 53;
    /** The default range, in weeks, the current one included. */
    int DEFAULT_WEEKS = 12;

    /**
     * The weeks (Monday to Sunday, the workspace's time zone) from the one holding {@code from} to the one holding
     * {@code to}, for the current workspace. A null {@code to} means this week, a null {@code from} the default number
     * of weeks up to {@code to}'s. Refuses ({@code InvalidInputException}) a range that runs backwards, is longer than
     * {@link #MAX_WEEKS} weeks or ends after this week.
     */
    TeamTrendReport weekly(LocalDate from, LocalDate to);
}

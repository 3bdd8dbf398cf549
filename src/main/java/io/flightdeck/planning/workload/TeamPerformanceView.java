package io.flightdeck.planning.workload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How the team delivered over the last {@code weeks} weeks ({@code from} to {@code to}, both included), per member and
 * for the whole team.
 */
public record TeamPerformanceView(int weeks, LocalDate from, LocalDate to, List<Figures> members, Figures totals) {

    /**
     * One member's figures (the team's totals have no user id or name).
     *
     * @param completed          tasks they completed in the window
     * @param withDueDate        of those, the ones that had a due date
     * @param onTime             of those, the ones completed on or before the due date
     * @param onTimeRatePct      onTime over withDueDate in percent; null without tasks that had a due date
     * @param throughputPerWeek  completed per week
     * @param averageCycleDays   mean time from start to completion in days, for tasks with both; null without any
     * @param utilisationPct     assigned over available hours in the window; null without available hours
     */
    public record Figures(@Nullable UUID userId, @Nullable String displayName, int completed, int withDueDate,
            int onTime, @Nullable Integer onTimeRatePct, double throughputPerWeek, @Nullable Double averageCycleDays,
            double availableHours, double assignedHours, Integer utilisationPct) {
    }
}

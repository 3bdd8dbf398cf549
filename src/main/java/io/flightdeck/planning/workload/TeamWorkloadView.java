package io.flightdeck.planning.workload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Assigned against available hours per member per ISO week. Available hours are weekly hours times capacity, less
 * weekends, holidays and time off; assigned hours are the share of each open assigned task's estimate that falls in
 * the week, spread evenly over the task's working days.
 */
public record TeamWorkloadView(LocalDate from, LocalDate to, List<Week> weeks, List<Member> members, Load totals) {

    /** A column: the ISO week starting on {@code start} (a Monday). */
    public record Week(LocalDate start, LocalDate end, int weekYear, int week, String label) {
    }

    /**
     * One member's row; {@code totals} adds up their weeks.
     *
     * @param overAllocatedWeeks weeks in which they have more work than hours
     */
    public record Member(UUID userId, String displayName, @Nullable String jobTitle, int capacityPct, List<Load> weeks,
            Load totals, int overAllocatedWeeks) {
    }

    /**
     * Hours in one cell (or a total). {@code utilisationPct} is assigned over available, null when no hours are
     * available; {@code overAllocated} when assigned exceeds available (work for someone with no hours included);
     * {@code band} is none, low (under 50 %), medium (50 to 85 %), high (85 to 100 %) or over.
     */
    public record Load(LocalDate weekStart, double availableHours, double assignedHours,
            @Nullable Integer utilisationPct, boolean overAllocated, String band) {
    }
}

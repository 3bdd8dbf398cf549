package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Auto-assignment's answer for one task: whom it chose (null when nobody qualifies), whether the task was assigned
 * (false on a dry run or without a choice), why, and every candidate's evaluation, best first. When nobody
 * qualifies, {@code shortfall} says why in the team's terms (null otherwise).
 *
 * @param from first day of the window the candidates were measured in
 * @param to   last day of that window
 */
public record TaskAssignmentProposal(UUID taskId, String taskTitle, boolean dryRun, boolean assigned,
        @Nullable UUID chosenId, @Nullable String chosenName, String explanation, LocalDate from, LocalDate to,
        List<Candidate> candidates, @Nullable AssignmentShortfall shortfall) {

    /**
     * Why nobody qualifies: a sentence, the required skills nobody has at the level asked ("copywriting 3"), whether
     * everyone with the skills is away or over capacity in the window, and whether nobody can be assigned work at all.
     */
    public record AssignmentShortfall(String reason, List<String> missingSkills, boolean overCapacity,
            boolean noTeam) {
    }

    /**
     * One member's evaluation: {@code score} 0 to 100 (only eligible members score), {@code loadPct} their load with
     * this task as a percentage of their available hours, and the reasons.
     */
    public record Candidate(UUID memberId, String name, boolean eligible, int score, int loadPct, double availableHours,
            double assignedHours, boolean chosen, List<String> reasons) {
    }
}

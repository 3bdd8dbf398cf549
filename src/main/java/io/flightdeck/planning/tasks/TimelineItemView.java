package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import io.flightdeck.planning.templates.TaskKind;
import org.jspecify.annotations.Nullable;

/**
 * A task or milestone on a timeline. {@code startDate}/{@code finishDate} are its first and last working day;
 * {@code earliestStart} to {@code latestFinish} are working-day offsets from the timeline's first day (a task runs over
 * [start, finish)), {@code latestStartDate}/{@code latestFinishDate} the same latest figures as dates. Items out of the
 * plan (cancelled) have no critical-path figures.
 */
public record TimelineItemView(UUID id, @Nullable String key, TaskKind kind, String title, TaskStatus status,
        int durationDays, double estimateHours, Map<String, Integer> skills, @Nullable LocalDate pinnedStart,
        LocalDate startDate, LocalDate finishDate, Integer earliestStart, Integer earliestFinish, Integer latestStart,
        Integer latestFinish, LocalDate latestStartDate, LocalDate latestFinishDate, Integer slackDays,
        boolean critical, @Nullable UUID milestoneId, @Nullable UUID assigneeId, @Nullable String assigneeName,
        int position) {

    /** In the plan: laid out with critical-path figures. */
    public boolean planned() {
        return earliestStart != null && startDate != null;
    }

    public boolean milestone() {
        return kind == TaskKind.MILESTONE;
    }
}

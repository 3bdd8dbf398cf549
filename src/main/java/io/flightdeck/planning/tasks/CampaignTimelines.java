package io.flightdeck.planning.tasks;

import java.util.Optional;
import java.util.UUID;
import io.flightdeck.planning.TimelineDirection;
import io.flightdeck.planning.TimelineGenerated;
import io.flightdeck.planning.TimelineRecalculated;

/**
 * Campaign timelines: generating one from a template, reading it with its critical path, recalculating it, and moving
 * or stretching one task (what the Gantt chart's drag does), which lays the whole plan out again. Publishes
 * {@link TimelineGenerated} and {@link TimelineRecalculated}.
 */
public interface CampaignTimelines {

    /**
     * Lays out the campaign's timeline from a template (the default of its type when none is given), backwards from
     * its end date unless told otherwise or it has none. A campaign that already has tasks keeps them unless
     * {@code replace} is set, in which case they are deleted (softly) first.
     */
    TimelineView generate(UUID campaignId, UUID templateId, TimelineDirection direction, boolean replace);

    /**
     * The default timeline for a campaign, when the workspace has automatic timelines on and the campaign's type has a
     * default template. Idempotent: a campaign with a timeline or tasks is left alone. Answers whether one was made.
     */
    boolean generateAutomatically(UUID campaignId);

    /** The campaign's timeline, or empty when it has none yet (404 when the campaign is not found). */
    Optional<TimelineView> find(UUID campaignId);

    TimelineView get(UUID campaignId);

    /** Lays the plan out again from its first day: current durations, pins, dependencies, holidays and buffer. */
    TimelineView recalculate(UUID campaignId);

    TimelineCriticalPath criticalPath(UUID campaignId);

    /** Pins or unpins a task's start and/or changes its duration, then recalculates the whole plan. */
    TimelineView reschedule(UUID taskId, TimelineScheduleChange change);

    /** Live tasks of the campaign, with or without a timeline (generating over them needs replace). */
    int taskCount(UUID campaignId);

    /** The campaign a task belongs to (404 for tasks that are not found), for pages that start from a task. */
    UUID campaignOf(UUID taskId);
}

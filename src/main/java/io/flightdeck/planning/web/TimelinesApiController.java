package io.flightdeck.planning.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.planning.tasks.CampaignTimelines;
import io.flightdeck.planning.tasks.TimelineCriticalPath;
import io.flightdeck.planning.TimelineDirection;
import io.flightdeck.planning.tasks.TimelineScheduleChange;
import io.flightdeck.planning.tasks.TimelineView;
import io.flightdeck.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's timeline: generated from a template on working days with a buffer by priority, its critical path, and
 * recalculation; moving one task (the Gantt chart's drag) lays the whole plan out again.
 */
@RestController
@Tag(name = "Timelines")
class TimelinesApiController {

    private final CampaignTimelines timelines;

    TimelinesApiController(CampaignTimelines timelines) {
        this.timelines = timelines;
    }

    /** Every field may be left out: the type's default template, backwards when the campaign has an end date. */
    record GenerateRequest(@Schema(description = "The type's default template when absent",
            example = "01a20265-29d8-7f3e-ad11-f2a4d93cc3f9") UUID templateId,
            @Schema(description = "Backward from the end date when the campaign has one", example = "BACKWARD") TimelineDirection direction,
            @Schema(description = "Delete the campaign's tasks first", example = "true") Boolean replace) {
    }

    /** {@code start} pins the task's earliest start (null removes the pin, leaving it out keeps it). */
    record TaskScheduleRequest(@Schema(description = "Earliest start (ISO date); null unpins, absent leaves it",
            nullable = true, example = "2027-03-02") LocalDate start,
            @Schema(description = "Working days, 0 to 250", example = "4") Integer durationDays) {
    }

    @Operation(summary = "Lay out the campaign's timeline from a template (managers). 409 timeline-exists when the "
            + "campaign has tasks, unless replace is true (its tasks are deleted first); 400 when no template applies")
    @PostMapping("/api/v1/campaigns/{id}/timeline/generate")
    @PreAuthorize("hasRole('MANAGER')")
    TimelineView generate(@PathVariable UUID id, @RequestBody(required = false) GenerateRequest request) {
        GenerateRequest r = request == null ? new GenerateRequest(null, null, null) : request;
        return timelines.generate(id, r.templateId(), r.direction(), Boolean.TRUE.equals(r.replace()));
    }

    @Operation(summary = "The timeline with every task's dates, critical-path figures and slack, the dependencies, "
            + "and a warning when the plan misses the campaign's end date; 404 when it has none")
    @GetMapping("/api/v1/campaigns/{id}/timeline")
    TimelineView get(@PathVariable UUID id) {
        return timelines.get(id);
    }

    @Operation(summary = "Lay the plan out again with current durations, pins, dependencies, holidays and buffer")
    @PostMapping("/api/v1/campaigns/{id}/timeline/recalculate")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    TimelineView recalculate(@PathVariable UUID id) {
        return timelines.recalculate(id);
    }

    @Operation(summary = "The critical tasks and milestones in order, and the plan's length in working days")
    @GetMapping("/api/v1/campaigns/{id}/timeline/critical-path")
    TimelineCriticalPath criticalPath(@PathVariable UUID id) {
        return timelines.criticalPath(id);
    }

    @Operation(summary = "Move or stretch one task: pin its earliest start and/or change its duration, then "
            + "recalculate the whole plan; answers the timeline")
    @PatchMapping("/api/v1/tasks/{id}/schedule")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    TimelineView schedule(@PathVariable UUID id, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = TaskScheduleRequest.class)))
            @RequestBody Map<String, Object> body) {
        return timelines.reschedule(id, change(body));
    }

    /** Read by hand so a start left out (keep) differs from a start of null (unpin). */
    static TimelineScheduleChange change(Map<String, Object> body) {
        boolean startGiven = body.containsKey("start");
        LocalDate start = null;
        Object rawStart = body.get("start");
        if (rawStart != null) {
            try {
                start = LocalDate.parse(rawStart.toString());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("start", "must be a date such as 2026-12-01, or null to unpin");
            }
        }
        Integer duration = null;
        Object rawDuration = body.get("durationDays");
        if (rawDuration != null) {
            if (!(rawDuration instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new InvalidInputException("durationDays", "must be a whole number of working days");
            }
            duration = n.intValue();
        }
        if (!startGiven && duration == null) {
            throw new InvalidInputException("start", "give a start, a durationDays or both");
        }
        return new TimelineScheduleChange(startGiven, start, duration);
    }
}

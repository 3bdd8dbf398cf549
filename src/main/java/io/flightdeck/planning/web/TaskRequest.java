package io.flightdeck.planning.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.tasks.Attachment;
import io.flightdeck.planning.tasks.ChecklistItem;
import io.flightdeck.planning.tasks.TaskChange;
import io.flightdeck.planning.templates.TaskKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of a task create (title required) or update (every field optional; a missing one keeps its value).
 * Dates: on a campaign without a timeline, start and due date by hand; on a timeline, durationDays and startDate (a
 * pin) on create only, since the schedule endpoint owns them afterwards.
 */
record TaskRequest(
        @Schema(example = "Write the launch email") @Size(max = 200) String title,
        @Schema(example = "Two subject lines to test; the offer ends on Friday") @Size(max = 4000) String description,
        @Schema(description = "TASK (default) or MILESTONE", example = "TASK") TaskKind kind,
        @Schema(description = "Defaults to the campaign's priority", example = "HIGH") CampaignPriority priority,
        @Schema(example = "6") @DecimalMin("0") @DecimalMax("1000") Double estimateHours,
        @Schema(description = "Working days, when creating; a task already on a timeline changes it through "
                + "PATCH /api/v1/tasks/{id}/schedule", nullable = true) @Min(0) @Max(250) Integer durationDays,
        @Schema(description = "Pins the start when creating; a task already on a timeline moves through "
                + "PATCH /api/v1/tasks/{id}/schedule", nullable = true) LocalDate startDate,
        @Schema(description = "Only for a task outside the campaign's timeline; on the timeline it follows from the "
                + "start and durationDays", nullable = true) LocalDate dueDate,
        @Schema(description = "Skill name to minimum level 1-5", example = "{\"copywriting\":3}")
        @Size(max = 20) Map<@NotBlank @Size(max = 60) String, @NotNull @Min(1) @Max(5) Integer> skills,
        @Schema(description = "A milestone of the same campaign", example = "01a20265-2a31-7a3c-90a1-0d396ed28a70") UUID milestoneId,
        @Schema(description = "On update: true unlinks the milestone", example = "false") Boolean removeMilestone,
        @Size(max = 50) List<@NotNull @Valid Item> checklist,
        @Size(max = 20) List<@NotNull @Valid Link> attachments) {

    record Item(@Schema(example = "Subject line A/B") @NotBlank @Size(max = 200) String text,
            @Schema(example = "false") Boolean done) {
    }

    record Link(@Schema(example = "Creative brief") @NotBlank @Size(max = 200) String name,
            // the same pattern in Java and in ECMA-262, which the OpenAPI document's readers use: no inline (?i)
            @Schema(example = "https://drive.example.com/briefs/spring-launch") @NotBlank @Size(max = 2000)
            @Pattern(regexp = "[Hh][Tt][Tt][Pp][Ss]?://\\S+", message = "must be an http or https address") String url) {
    }

    TaskChange toChange() {
        return new TaskChange(title, description, kind, priority, estimateHours, durationDays, startDate, dueDate,
                skills, milestoneId, Boolean.TRUE.equals(removeMilestone), false,
                checklist == null ? null : checklist.stream().map(i -> new ChecklistItem(i.text(), Boolean.TRUE.equals(i.done()))).toList(),
                attachments == null ? null : attachments.stream().map(a -> new Attachment(a.name(), a.url())).toList());
    }
}

package io.flightdeck.analytics.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One run of a schedule, for one period: its outcome in words, the as-of of the numbers it sent, and how many of its
 * recipients got the mail.
 */
@Schema(name = "ReportRun")
public record RunView(UUID id, UUID scheduleId, LocalDate periodFrom, LocalDate periodTo, Instant dueAt,
        RunStatus status, @Nullable String detail, @Nullable Instant asOf, @Nullable Instant finishedAt, int recipients,
        int sent) {

    public boolean retriable() {
        return status.retriable();
    }
}

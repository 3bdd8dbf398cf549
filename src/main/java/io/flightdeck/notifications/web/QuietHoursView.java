package io.flightdeck.notifications.web;

import java.time.Instant;

import io.flightdeck.notifications.domain.QuietHours;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Quiet hours as the API and the settings page show them: the window, a mute still running, and whether email waits
 * right now and until when.
 */
record QuietHoursView(boolean enabled, @Schema(example = "22:00") String start,
        @Schema(example = "07:00") String end, @Schema(example = "Europe/Berlin") String timeZone,
        @Nullable Instant mutedUntil, boolean quietNow, @Nullable Instant heldUntil) {

    static QuietHoursView of(QuietHours hours, Instant now) {
        Instant held = hours.heldUntil(now);
        boolean muted = hours.mutedUntil() != null && hours.mutedUntil().isAfter(now);
        return new QuietHoursView(hours.enabled(), hours.start().toString(), hours.end().toString(),
                hours.zone().getId(), muted ? hours.mutedUntil() : null, held.isAfter(now), held.isAfter(now) ? held : null);
    }
}

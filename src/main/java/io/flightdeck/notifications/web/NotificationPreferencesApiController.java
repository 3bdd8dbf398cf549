package io.flightdeck.notifications.web;

import java.time.Clock;
import java.util.List;

import io.flightdeck.notifications.domain.DeliveryMode;
import io.flightdeck.notifications.domain.NotificationCategory;
import io.flightdeck.notifications.domain.NotificationChannel;
import io.flightdeck.notifications.domain.PreferenceChange;
import io.flightdeck.notifications.domain.PreferenceSetting;
import io.flightdeck.notifications.domain.Preferences;
import io.flightdeck.notifications.domain.QuietTimes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who hears of what, where: the member's own settings per category and channel, and the workspace's defaults under
 * them (admins change those). Every member, a viewer included, sets their own.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationPreferencesApiController {

    private final Preferences preferences;
    private final QuietTimes quietTimes;
    private final Clock clock;

    NotificationPreferencesApiController(Preferences preferences, QuietTimes quietTimes, Clock clock) {
        this.preferences = preferences;
        this.quietTimes = quietTimes;
        this.clock = clock;
    }

    record QuietHoursBody(@NotNull Boolean enabled, @NotNull @Size(max = 5) @Schema(example = "22:00") String start,
            @NotNull @Size(max = 5) @Schema(example = "07:00") String end,
            @Size(max = 64) @Schema(description = "null: the member's profile zone", example = "Europe/Berlin") String timeZone) {
    }

    record MuteBody(@Schema(description = "1 to 1440 minutes from now; 0 ends the mute", example = "60") int minutes) {
    }

    @Operation(summary = "The member's quiet hours (email waits for their end; urgent items and anything due sooner "
            + "do not) and mute")
    @GetMapping("/quiet-hours")
    QuietHoursView quietHours() {
        return QuietHoursView.of(quietTimes.mine(), clock.instant());
    }

    @Operation(summary = "Set the member's quiet hours: a window in their zone, which may cross midnight")
    @PutMapping("/quiet-hours")
    QuietHoursView setQuietHours(@Valid @RequestBody QuietHoursBody body) {
        return QuietHoursView.of(quietTimes.setWindow(body.enabled(), body.start(), body.end(), body.timeZone()),
                clock.instant());
    }

    @Operation(summary = "Mute the member's email for a while (held, not dropped), or end the mute with 0 minutes")
    @PostMapping("/mute")
    QuietHoursView mute(@Valid @RequestBody MuteBody body) {
        return QuietHoursView.of(quietTimes.mute(body.minutes()), clock.instant());
    }

    record ChangeBody(@Schema(example = "APPROVALS") @NotNull NotificationCategory category,
            @Schema(example = "EMAIL") @NotNull NotificationChannel channel,
            @Schema(description = "IMMEDIATE, DAILY or WEEKLY (a digest at 08:00 in the member's zone; email only) or OFF; null goes back to the default", example = "OFF") DeliveryMode mode) {

        PreferenceChange toChange() {
            return new PreferenceChange(category, channel, mode);
        }
    }

    record ChangesRequest(@NotEmpty @Size(max = 100) List<@Valid ChangeBody> changes) {

        List<PreferenceChange> toChanges() {
            return changes.stream().map(ChangeBody::toChange).toList();
        }
    }

    @Operation(summary = "The member's settings: every category on every channel, with what applies without their own "
            + "choice and where that comes from")
    @GetMapping("/preferences")
    List<PreferenceSetting> mine() {
        return preferences.mine();
    }

    @Operation(summary = "Change some of the member's own settings; a null mode goes back to the default")
    @PatchMapping("/preferences")
    List<PreferenceSetting> changeMine(@Valid @RequestBody ChangesRequest request) {
        return preferences.changeMine(request.toChanges());
    }

    @Operation(summary = "The workspace's defaults, for members who have not chosen")
    @GetMapping("/defaults")
    List<PreferenceSetting> defaults() {
        return preferences.workspaceDefaults();
    }

    @Operation(summary = "Change some of the workspace's defaults; a null mode goes back to Flightdeck's")
    @PreAuthorize("hasRole('ADMIN')")
    @PatchMapping("/defaults")
    List<PreferenceSetting> changeDefaults(@Valid @RequestBody ChangesRequest request) {
        return preferences.changeDefaults(request.toChanges());
    }
}

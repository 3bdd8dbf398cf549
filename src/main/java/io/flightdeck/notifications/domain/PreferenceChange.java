package io.flightdeck.notifications.domain;

import java.util.Objects;

/** One setting to change: a category on a channel to a mode, or back to the default when the mode is null. */
public record PreferenceChange(NotificationCategory category, NotificationChannel channel, DeliveryMode mode) {

    public PreferenceChange {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(channel, "channel");
        if (mode != null && !DeliveryMode.offeredOn(channel).contains(mode)) {
            throw new io.flightdeck.shared.InvalidInputException("mode",
                    "a digest (DAILY, WEEKLY) is for email; in the app and in Slack choose IMMEDIATE or OFF");
        }
    }
}

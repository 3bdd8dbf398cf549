package io.flightdeck.notifications.domain;

import org.jspecify.annotations.Nullable;

/**
 * One cell of a preferences grid: the category on the channel, the choice made at this level ({@code own}, null when
 * none) and what applies without it ({@code fallback}, from {@code fallbackSource}).
 */
public record PreferenceSetting(NotificationCategory category, NotificationChannel channel, @Nullable DeliveryMode own,
        DeliveryMode fallback, PreferenceSource fallbackSource) {

    public DeliveryMode effective() {
        return own != null ? own : fallback;
    }

    /** The modes this cell may choose from: digests are for email. */
    public java.util.List<DeliveryMode> offered() {
        return DeliveryMode.offeredOn(channel);
    }
}

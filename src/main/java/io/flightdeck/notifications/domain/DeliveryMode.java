package io.flightdeck.notifications.domain;

/**
 * Whether a category reaches a channel: as it happens, gathered into a daily or weekly digest (email only: the feed is
 * already one, and a Slack message is one line), or not at all.
 */
public enum DeliveryMode {

    OFF("Off"), IMMEDIATE("Immediately"), DAILY("Daily digest"), WEEKLY("Weekly digest");

    private final String label;

    DeliveryMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean digest() {
        return this == DAILY || this == WEEKLY;
    }

    /** What a channel offers: every mode by email, immediately or off in the app and in Slack. */
    public static java.util.List<DeliveryMode> offeredOn(NotificationChannel channel) {
        return channel == NotificationChannel.EMAIL ? java.util.List.of(values()) : java.util.List.of(OFF, IMMEDIATE);
    }
}

package io.flightdeck.notifications.domain;

/**
 * Where a member can be told: in the app (the bell and the feed), by email, or in Slack (a direct message from the
 * workspace's Slack app, once the member linked themself).
 */
public enum NotificationChannel {

    IN_APP("In the app"), EMAIL("Email"), SLACK("Slack");

    private final String label;

    NotificationChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

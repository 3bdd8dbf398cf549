package io.flightdeck.notifications.domain;

/** Where a member can be told: in the app (the bell and the feed) or by email. */
public enum NotificationChannel {

    IN_APP("In the app"), EMAIL("Email");

    private final String label;

    NotificationChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

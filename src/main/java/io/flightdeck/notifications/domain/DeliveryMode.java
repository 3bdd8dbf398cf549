package io.flightdeck.notifications.domain;

/** Whether a category reaches a channel: as it happens, or not at all. */
public enum DeliveryMode {

    OFF("Off"), IMMEDIATE("Immediately");

    private final String label;

    DeliveryMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

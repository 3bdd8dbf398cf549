package io.flightdeck.ops.alerts;

/** An alert's life: open until a person acknowledges it, resolved when its condition clears or a person says so. */
public enum AlertStatus {
    OPEN("Open"), ACKNOWLEDGED("Acknowledged"), RESOLVED("Resolved");

    private final String label;

    AlertStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

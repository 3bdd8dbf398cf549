package io.flightdeck.ops.alerts;

/** How urgent an alert is: critical ones stop work for everyone, warnings for some, information for none yet. */
public enum AlertSeverity {
    INFO("Information"), WARNING("Warning"), CRITICAL("Critical");

    private final String label;

    AlertSeverity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

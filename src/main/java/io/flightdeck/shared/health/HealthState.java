package io.flightdeck.shared.health;

/**
 * How a component is doing, worst last: working, degraded (it works, but something waits or fails more than it
 * should), down, or not known yet (never checked, or nothing to check). Actuator's statuses map onto it, with
 * {@code DEGRADED} a status of our own that still answers 200 ({@code management.endpoint.health.status.*}).
 */
public enum HealthState {
    UP("Working"), UNKNOWN("Not known yet"), DEGRADED("Degraded"), DOWN("Down");

    private final String label;

    HealthState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The worse of the two. */
    public HealthState worst(HealthState other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Actuator's status code read as a state: {@code OUT_OF_SERVICE} is down, a code we do not know is unknown. */
    public static HealthState ofCode(String code) {
        return switch (code) {
            case "UP" -> UP;
            case "DEGRADED" -> DEGRADED;
            case "DOWN", "OUT_OF_SERVICE" -> DOWN;
            default -> UNKNOWN;
        };
    }
}

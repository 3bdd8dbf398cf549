package io.flightdeck.shared.health;

import org.springframework.boot.health.contributor.Status;

/** Actuator's statuses of our own. */
public final class HealthStatuses {

    /**
     * It works, but something waits or fails more than it should (a queue stalled, an outside service that does
     * not answer). Answers 200, so a load balancer keeps a node whose mail server is down: the node still serves.
     */
    public static final Status DEGRADED = new Status("DEGRADED", "Works, but something waits or fails");

    private HealthStatuses() {
    }
}

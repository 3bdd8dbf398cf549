package io.flightdeck.ops.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.health.ComponentHealth;
import io.flightdeck.shared.health.HealthState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.stereotype.Component;

/**
 * The installation's own parts as Actuator checks them ({@code /actuator/health}), so the status page and the health
 * endpoint never disagree: each known component in words, with its figures kept for the alert rules. A reading is
 * reused for a few seconds, so a busy status page or the alert job does not connect to the mail server each time.
 */
@Component
class PlatformComponents {

    static final String KIND = "Platform";
    private static final Duration REUSE = Duration.ofSeconds(10);

    /** The components shown, in this order, with their names; the probes and the ping are left out. */
    private static final Map<String, String> NAMES = orderedNames();

    /** One component as read, with Actuator's details for the metrics. */
    record Part(ComponentHealth health, Map<String, Object> details) {
    }

    record Reading(Instant at, List<Part> parts) {
    }

    // looked up when read: the endpoint reaches the scheduler's indicator, whose tasks include the alert evaluation
    private final ObjectProvider<HealthEndpoint> endpoint;
    private final Clock clock;
    private volatile Reading last = new Reading(Instant.MIN, List.of());

    PlatformComponents(ObjectProvider<HealthEndpoint> endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
    }

    Reading read() {
        Reading reading = last;
        Instant now = clock.instant();
        if (reading.at().plus(REUSE).isBefore(now) || reading.at().isAfter(now)) {
            reading = new Reading(now, parts(endpoint.getObject().health()));
            last = reading;
        }
        return reading;
    }

    /** The next read checks afresh (after a person asks to check now). */
    void forget() {
        last = new Reading(Instant.MIN, List.of());
    }

    private static List<Part> parts(HealthDescriptor root) {
        Map<String, HealthDescriptor> components = root instanceof CompositeHealthDescriptor composite
                ? composite.getComponents() : Map.of();
        List<Part> parts = new ArrayList<>();
        NAMES.forEach((key, name) -> {
            if (components.get(key) instanceof IndicatedHealthDescriptor indicated) {
                Map<String, Object> details = indicated.getDetails() == null ? Map.of() : indicated.getDetails();
                HealthState state = HealthState.ofCode(indicated.getStatus().getCode());
                parts.add(new Part(new ComponentHealth(key, name, KIND, state, ComponentWords.of(key, details), null),
                        details));
            }
        });
        return parts;
    }

    private static Map<String, String> orderedNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("db", "Database");
        names.put("diskSpace", "Disk");
        names.put("blobStore", "File storage");
        names.put("search", "Search index");
        names.put("mail", "Mail transport");
        names.put("jobs", "Job queues");
        names.put("eventPublications", "Event publications");
        return java.util.Collections.unmodifiableMap(names);
    }
}

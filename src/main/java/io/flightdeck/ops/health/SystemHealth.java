package io.flightdeck.ops.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.ops.outgoing.OutgoingMessages;
import io.flightdeck.shared.health.ComponentHealth;
import io.flightdeck.shared.health.HealthState;
import io.flightdeck.shared.health.WorkspaceHealth;
import org.springframework.stereotype.Service;

/**
 * How Flightdeck is doing for the current workspace: the platform's components (as {@code /actuator/health} reads
 * them), the workspace's own (every module's {@link WorkspaceHealth}), and the numbers alert rules watch. The caller
 * checks that the person is an admin.
 */
@Service
public class SystemHealth {

    private final PlatformComponents platform;
    private final List<WorkspaceHealth> sources;
    private final OutgoingMessages outgoing;
    private final Clock clock;

    SystemHealth(PlatformComponents platform, List<WorkspaceHealth> sources, OutgoingMessages outgoing, Clock clock) {
        this.clock = clock;
        this.platform = platform;
        this.sources = sources.stream().sorted(Comparator.comparing(WorkspaceHealth::kind)).toList();
        this.outgoing = outgoing;
    }

    /** Every component and the overall state (the worst of them), as checked at {@code checkedAt}. */
    public record Report(HealthState state, Instant checkedAt, List<ComponentHealth> components,
            Map<MonitoredMetric, Double> metrics) {

        /** The components not working, worst first. */
        public List<ComponentHealth> troubled() {
            return components.stream().filter(c -> c.state() == HealthState.DOWN || c.state() == HealthState.DEGRADED)
                    .sorted(Comparator.comparing((ComponentHealth c) -> c.state()).reversed()).toList();
        }
    }

    /** The platform from a reading a few seconds old at most; the workspace's own as recorded now. */
    public Report report() {
        PlatformComponents.Reading reading = platform.read();
        List<ComponentHealth> components = new ArrayList<>();
        reading.parts().forEach(part -> components.add(part.health()));
        for (WorkspaceHealth source : sources) {
            components.addAll(source.components());
        }
        HealthState overall = components.stream().map(ComponentHealth::state)
                .filter(state -> state != HealthState.UNKNOWN).reduce(HealthState.UP, HealthState::worst);
        return new Report(overall, reading.at(), List.copyOf(components), metrics(reading, components));
    }

    /** Checks the platform afresh rather than from the last few seconds' reading. */
    public Report checkNow() {
        platform.forget();
        return report();
    }

    private Map<MonitoredMetric, Double> metrics(PlatformComponents.Reading reading, List<ComponentHealth> components) {
        Map<MonitoredMetric, Double> values = new EnumMap<>(MonitoredMetric.class);
        values.put(MonitoredMetric.DATABASE_DOWN, notWorking(reading, Set.of("db")));
        values.put(MonitoredMetric.STORAGE_FAILING, notWorking(reading, Set.of("diskSpace", "blobStore")));
        values.put(MonitoredMetric.SEARCH_FAILING, notWorking(reading, Set.of("search")));
        values.put(MonitoredMetric.MAIL_FAILING, notWorking(reading, Set.of("mail")));
        Map<String, Object> jobs = details(reading, "jobs");
        values.put(MonitoredMetric.JOBS_STALLED, jobs.get("stalled") instanceof List<?> stalled ? (double) stalled.size() : 0.0);
        values.put(MonitoredMetric.JOBS_DUE, (double) Math.max(0, ComponentWords.number(jobs, "due")));
        values.put(MonitoredMetric.JOBS_FAILING, (double) Math.max(0, ComponentWords.number(jobs, "failing")));
        values.put(MonitoredMetric.EVENTS_STUCK,
                (double) Math.max(0, ComponentWords.number(details(reading, "eventPublications"), "stuck")));
        values.put(MonitoredMetric.CHANNELS_BROKEN, (double) components.stream()
                .filter(c -> c.key().startsWith("channel-account:") && c.state() == HealthState.DOWN).count());
        values.put(MonitoredMetric.PROVIDERS_FAILING, (double) components.stream()
                .filter(c -> (c.key().startsWith("ai-provider:") || c.key().startsWith("render-provider:"))
                        && c.state() == HealthState.DOWN).count());
        values.put(MonitoredMetric.OUTGOING_DEAD, (double) outgoing.ledgers().stream()
                .mapToLong(ledger -> ledger.backlog().dead()).sum());
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        values.put(MonitoredMetric.MAIL_REFUSED, (double) outgoing.mailRefusedSince(hourAgo));
        return values;
    }

    private static double notWorking(PlatformComponents.Reading reading, Set<String> keys) {
        return reading.parts().stream().filter(part -> keys.contains(part.health().key())
                && part.health().state() != HealthState.UP && part.health().state() != HealthState.UNKNOWN).count();
    }

    private static Map<String, Object> details(PlatformComponents.Reading reading, String key) {
        return reading.parts().stream().filter(part -> part.health().key().equals(key)).findFirst()
                .map(PlatformComponents.Part::details).orElse(Map.of());
    }
}

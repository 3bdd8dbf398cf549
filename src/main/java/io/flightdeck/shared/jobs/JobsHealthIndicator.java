package io.flightdeck.shared.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.flightdeck.shared.health.HealthStatuses;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The job queues as one health component ({@code jobs}): every kind's due, running and failing executions, and the
 * kinds that are stalled. A kind is stalled when its oldest due execution has waited five minutes with no node taking
 * it: while any node runs the scheduler a due run is taken within seconds, so that wait means nothing completes (the
 * scheduler stopped on every node, or every run of the kind hangs). Stalled reads as {@code DEGRADED}: the node
 * itself still serves requests, so the answer stays 200 and a load balancer keeps it.
 */
@Component("jobsHealthIndicator")
class JobsHealthIndicator extends AbstractHealthIndicator {

    static final Duration STALLED_AFTER = Duration.ofMinutes(5);

    private final JobBacklog backlog;

    JobsHealthIndicator(JobBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Instant stalledBefore = Instant.now().minus(STALLED_AFTER); // wall time, as db-scheduler picks by
        Map<String, JobBacklog.Counts> all = new TreeMap<>(backlog.readNow());
        long due = 0;
        long running = 0;
        long failing = 0;
        Map<String, Map<String, Object>> kinds = new TreeMap<>();
        for (Map.Entry<String, JobBacklog.Counts> kind : all.entrySet()) {
            JobBacklog.Counts counts = kind.getValue();
            due += counts.due();
            running += counts.running();
            failing += counts.failing();
            Map<String, Object> figures = new TreeMap<>(Map.of("due", counts.due(), "running", counts.running(),
                    "failing", counts.failing()));
            if (counts.oldestDue() != null) {
                figures.put("oldestDueSeconds", Duration.between(counts.oldestDue(), Instant.now()).toSeconds());
            }
            kinds.put(kind.getKey(), figures);
        }
        List<String> stalled = all.entrySet().stream()
                .filter(kind -> kind.getValue().oldestDue() != null
                        && kind.getValue().oldestDue().isBefore(stalledBefore))
                .map(Map.Entry::getKey).toList();
        health.status(stalled.isEmpty() ? Status.UP : HealthStatuses.DEGRADED)
                .withDetail("due", due).withDetail("running", running).withDetail("failing", failing)
                .withDetail("stalled", stalled).withDetail("kinds", kinds);
    }
}

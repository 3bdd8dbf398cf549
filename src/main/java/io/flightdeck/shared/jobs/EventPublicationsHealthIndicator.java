package io.flightdeck.shared.jobs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.flightdeck.shared.health.HealthStatuses;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication registry as a health component ({@code eventPublications}): how many events still wait for
 * a listener, and how many of those are stuck (published five minutes ago or more and still not handled, although
 * incomplete ones are handed back to their listeners every minute). Stuck reads as {@code DEGRADED}: something a
 * module should have done after a change (a notification, a readiness update) has not happened. A failed query
 * reads as down (Actuator's base class).
 */
@Component("eventPublicationsHealthIndicator")
class EventPublicationsHealthIndicator extends AbstractHealthIndicator {

    static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    private final JdbcClient jdbc;

    EventPublicationsHealthIndicator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        record Row(long incomplete, long stuck, @Nullable Timestamp oldest) {
        }
        Instant now = Instant.now();
        // completion_date is indexed; the incomplete are few while listeners keep up
        Row row = jdbc.sql("""
                select count(*) as incomplete,
                       coalesce(sum(case when publication_date < ? then 1 else 0 end), 0) as stuck,
                       min(publication_date) as oldest
                from event_publication where completion_date is null""")
                .param(Timestamp.from(now.minus(STUCK_AFTER))).query(Row.class).single();
        health.status(row.stuck() > 0 ? HealthStatuses.DEGRADED : Status.UP).withDetail("incomplete", row.incomplete()).withDetail("stuck", row.stuck());
        if (row.oldest() != null) {
            health.withDetail("oldestSeconds", Duration.between(row.oldest().toInstant(), now).toSeconds());
        }
    }
}

package io.flightdeck.shared.jobs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.flightdeck.shared.health.HealthStatuses;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication registry as a health component ({@code eventPublications}): how many events still wait for
 * a listener, and how many of those are stuck (published five minutes ago or more and still not handled, although
 * incomplete ones are handed back to their listeners every minute). Stuck reads as {@code DEGRADED}: something a
 * module should have done after a change (a notification, a readiness update) has not happened.
 */
@Component("eventPublicationsHealthIndicator")
class EventPublicationsHealthIndicator implements HealthIndicator {

    static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    private final JdbcClient jdbc;

    EventPublicationsHealthIndicator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        try {
            return read();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }

    private Health read() {
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
        Health.Builder health = row.stuck() > 0 ? Health.status(HealthStatuses.DEGRADED) : Health.up();
        health.withDetail("incomplete", row.incomplete()).withDetail("stuck", row.stuck());
        if (row.oldest() != null) {
            health.withDetail("oldestSeconds", Duration.between(row.oldest().toInstant(), now).toSeconds());
        }
        return health.build();
    }
}

package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Revives any scheduled or publishing post that has no execution (a write that raced the end of the previous
 * execution, a table restored from a backup): nothing waits for ever without anything to move it. Cross-workspace, in
 * an explicit system scope; it only schedules, each step then runs in its post's workspace.
 */
@Component
class PostSweeper {

    private final PostSchedule schedule;
    private final JdbcClient jdbc;
    private final Clock clock;

    PostSweeper(PostSchedule schedule, JdbcClient jdbc, Clock clock) {
        this.schedule = schedule;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A post changed this recently is left alone: the transaction that wrote it may not have written its execution
     * yet. Wall time, not the application's clock, because this is about how long the rows have really been quiet.
     */
    static final Duration QUIET = Duration.ofMinutes(2);

    record Orphan(UUID id, UUID tenantId) {
    }

    void sweep() {
        List<Orphan> orphans = TenantScope.system("channel post sweeper", () -> jdbc.sql("""
                select c.id, c.tenant_id from channel_posts c
                where c.status in ('SCHEDULED', 'PUBLISHING') and c.updated_at < ?
                  and not exists (select 1 from scheduled_tasks t
                                  where t.task_name = 'channel-post' and t.task_instance = cast(c.id as varchar(255)))
                limit 500""").param(java.sql.Timestamp.from(Instant.now().minus(QUIET))).query(Orphan.class).list());
        for (Orphan o : orphans) {
            schedule.schedule(o.tenantId(), o.id(), clock.instant());
        }
    }
}

package io.flightdeck.mcp.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the health of every workspace's MCP servers: each is checked again once its last check is older than
 * {@code flightdeck.mcp.health-check-interval} (15 minutes), one that was never checked that long after it was added
 * or changed (an admin usually checks a new one at once). A recurring task looks every minute for up to
 * {@link #BATCH} connections due, longest waiting first, and checks each in its own workspace with
 * {@link McpConnections#check}, which holds no transaction during the call; a server that stops answering is then told
 * to the admins once ({@code McpConnectionHealthChanged}). One connection's trouble does not hold up the others.
 */
@Component
public class McpHealthWatch {

    /** At 25 seconds for a check that times out at every step, a run stays within minutes. */
    static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(McpHealthWatch.class);

    private final McpConnectionRepository connections;
    private final McpConnections checks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration interval;

    McpHealthWatch(McpConnectionRepository connections, McpConnections checks, TransactionTemplate transactions,
            Clock clock, @Value("${flightdeck.mcp.health-check-interval:PT15M}") Duration interval) {
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            // the task looks once a minute: a shorter interval would promise checks that never happen
            throw new IllegalStateException("flightdeck.mcp.health-check-interval must be at least one minute (PT1M), "
                    + "not " + interval);
        }
        this.connections = connections;
        this.checks = checks;
        this.transactions = transactions;
        this.clock = clock;
        this.interval = interval;
    }

    /** How often each server is checked. */
    public Duration interval() {
        return interval;
    }

    /** When the automatic check of this connection falls due (it may be late by a minute, or more under a backlog). */
    public Instant nextCheck(McpConnectionView connection) {
        return (connection.checkedAt() != null ? connection.checkedAt() : connection.updatedAt()).plus(interval);
    }

    /** One run: checks the connections that are due, up to a batch; answers how many were checked. */
    public int checkDue() {
        Instant before = clock.instant().minus(interval);
        List<DueConnection> due = TenantScope.system("MCP servers due a health check", () -> transactions.execute(
                status -> connections.findDue(before, PageRequest.of(0, BATCH))));
        int checked = 0;
        for (DueConnection connection : due) {
            try {
                TenantScope.run(connection.workspaceId(), () -> checks.check(connection.id()));
                checked++;
            } catch (RuntimeException e) {
                // removed or changed while it waited (the next run takes it again), or the database failed
                log.warn("MCP connection {} in workspace {} was not checked this time: {}", connection.id(),
                        connection.workspaceId(), e.toString());
            }
        }
        return checked;
    }

    @Configuration(proxyBeanMethods = false)
    static class McpHealthJobs {

        @Bean
        RecurringTask<Void> mcpHealthChecks(McpHealthWatch watch) {
            return JobTasks.every("mcp-health-checks", Duration.ofMinutes(1), watch::checkDue);
        }
    }
}

package io.flightdeck.shared.jobs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The backlog of every kind of job as gauges, for the health pages and for alerts: {@code flightdeck.jobs.backlog}
 * tagged with the task's name and a state, due (waiting past its time, no node has taken it), running (a node has
 * taken it) or failing (its last run threw and it waits for a retry). One grouped query answers all of them and is
 * reused for a few seconds, so a scrape reading every gauge costs one query, not three per kind. The gauges are
 * registered once the application is ready: the task beans are built from every module, late.
 */
@Component
class JobBacklog {

    /** A scrape reads every gauge within this time; the numbers are a few seconds old at most. */
    private static final Duration REUSE = Duration.ofSeconds(5);

    /**
     * One kind's executions by state, and since when its oldest due execution has waited (null when none is due).
     */
    record Counts(long due, long running, long failing, @Nullable Instant oldestDue) {
        static final Counts NONE = new Counts(0, 0, 0, null);
    }

    private record Snapshot(Instant at, Map<String, Counts> byTask) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<Task<?>> tasks;
    private final MeterRegistry registry;
    private volatile Snapshot last = new Snapshot(Instant.MIN, Map.of());

    JobBacklog(JdbcClient jdbc, ObjectProvider<Task<?>> tasks, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        TreeSet<String> names = tasks.stream().map(Task::getName).collect(Collectors.toCollection(TreeSet::new));
        for (String name : names) {
            gauge(registry, name, "due", Counts::due);
            gauge(registry, name, "running", Counts::running);
            gauge(registry, name, "failing", Counts::failing);
        }
    }

    private void gauge(MeterRegistry registry, String task, String state, ToLongFunction<Counts> value) {
        Gauge.builder("flightdeck.jobs.backlog", this, b -> value.applyAsLong(b.counts(task)))
                .tag("task", task).tag("state", state)
                .description("Executions of a kind of job that are due, running or failing")
                .register(registry);
    }

    /** The counts of one kind of job, from a snapshot at most a few seconds old. */
    Counts counts(String task) {
        Snapshot snapshot = last;
        Instant now = Instant.now();
        if (snapshot.at().plus(REUSE).isBefore(now)) {
            snapshot = new Snapshot(now, read(now));
            last = snapshot;
        }
        return snapshot.byTask().getOrDefault(task, Counts.NONE);
    }

    /**
     * Every kind's counts (kinds with no execution left out), read now: the health check, whose callers reuse its
     * answer themselves. The gauges take the new snapshot too.
     */
    Map<String, Counts> readNow() {
        Instant now = Instant.now();
        Snapshot snapshot = new Snapshot(now, read(now));
        last = snapshot;
        return snapshot.byTask();
    }

    /** The next read queries afresh. */
    void forget() {
        last = new Snapshot(Instant.MIN, Map.of());
    }

    // Wall time: db-scheduler compares execution_time with the wall clock when it picks.
    private Map<String, Counts> read(Instant now) {
        record Row(String taskName, long due, long running, long failing, @Nullable Timestamp oldestDue) {
        }
        Timestamp at = Timestamp.from(now);
        List<Row> rows = jdbc.sql("""
                select task_name,
                       sum(case when not picked and execution_time <= ? then 1 else 0 end) as due,
                       sum(case when picked then 1 else 0 end) as running,
                       sum(case when consecutive_failures > 0 and not picked then 1 else 0 end) as failing,
                       min(case when not picked and execution_time <= ? then execution_time end) as oldest_due
                from scheduled_tasks group by task_name""")
                .params(at, at).query(Row.class).list();
        return rows.stream().collect(Collectors.toMap(Row::taskName, r -> new Counts(r.due(), r.running(), r.failing(),
                r.oldestDue() == null ? null : r.oldestDue().toInstant())));
    }
}

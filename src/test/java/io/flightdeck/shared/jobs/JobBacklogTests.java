package io.flightdeck.shared.jobs;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.support.FlightdeckTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of job reports its backlog as three gauges. The rows are written and read in one transaction that is
 * rolled back, so no scheduler takes them meanwhile and the counts are exact.
 */
@FlightdeckTest
class JobBacklogTests {

    @Autowired
    MeterRegistry registry;
    @Autowired
    JobBacklog backlog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyKindOfJobHasADueARunningAndAFailingGauge() {
        for (String task : new String[] {"channel-post", "render-job", "campaign-workflow", "scheduled-launch",
                "channel-post-sweeper"}) {
            for (String state : new String[] {"due", "running", "failing"}) {
                assertThat(registry.find("flightdeck.jobs.backlog").tag("task", task).tag("state", state).gauge())
                        .as("%s %s", task, state).isNotNull();
            }
        }
    }

    @Test
    void theGaugesCountWhatIsDueRunningAndFailing() {
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> {
            row("render-job", now.minusSeconds(30), false, 0);
            row("render-job", now.minusSeconds(5), false, 0);
            row("render-job", now.plusSeconds(600), false, 0);
            row("render-job", now.minusSeconds(60), true, 0);
            row("render-job", now.plusSeconds(20), false, 2);
            backlog.forget();
            assertThat(value("render-job", "due")).isEqualTo(2);
            assertThat(value("render-job", "running")).isEqualTo(1);
            assertThat(value("render-job", "failing")).isEqualTo(1);
            tx.setRollbackOnly();
        });
        backlog.forget();
        assertThat(value("render-job", "running")).isZero();
    }

    private double value(String task, String state) {
        return registry.get("flightdeck.jobs.backlog").tag("task", task).tag("state", state).gauge().value();
    }

    private void row(String task, Instant at, boolean picked, int failures) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
                                             last_heartbeat, consecutive_failures, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                .params(task, id, ("{\"workspaceId\":\"" + UUID.randomUUID() + "\",\"jobId\":\"" + id + "\"}")
                                .getBytes(StandardCharsets.UTF_8), Timestamp.from(at), picked,
                        picked ? "another-node" : null, picked ? Timestamp.from(Instant.now()) : null, failures)
                .update();
    }
}

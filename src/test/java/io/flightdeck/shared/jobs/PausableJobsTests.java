package io.flightdeck.shared.jobs;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.support.FlightdeckTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paused application context takes no jobs, and takes them again once restarted: the test framework pauses every
 * cached context but the one in use, so an idle context must not run another's jobs with its own settings. The job
 * is a scheduled launch of a campaign that does not exist, which does nothing when it runs and leaves no row.
 */
@FlightdeckTest
class PausableJobsTests {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    PausableJobs jobs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPausedContextTakesNoDueJobUntilItIsRestarted() throws InterruptedException {
        String id = UUID.randomUUID().toString();
        context.pause();
        try {
            assertThat(jobs.polling()).isFalse();
            jdbc.sql("""
                    insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                                                 consecutive_failures, version)
                    values ('scheduled-launch', ?, ?, ?, false, 0, 1)""")
                    .params(id, ("{\"workspaceId\":\"" + UUID.randomUUID() + "\",\"campaignId\":\"" + id + "\"}")
                            .getBytes(StandardCharsets.UTF_8), Timestamp.from(Instant.now().minusSeconds(1)))
                    .update();
            // three polls of a running scheduler (every second): the row stays as written, nobody took it
            Thread.sleep(3_000);
            assertThat(version(id)).as("a paused context leaves the due job alone").isEqualTo(1);
        } finally {
            context.restart();
        }
        assertThat(jobs.polling()).isTrue();
        // taken, run (there is no such campaign, so it does nothing) and removed
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> version(id) == 0);
    }

    /** The row's version (db-scheduler raises it when a node takes the execution), or 0 once it ran and was removed. */
    private long version(String id) {
        return jdbc.sql("select version from scheduled_tasks where task_name = 'scheduled-launch' and task_instance = ?")
                .param(id).query(Long.class).optional().orElse(0L);
    }
}

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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wake that finds its job running is not lost: the run may have read its object before the change that woke it (a
 * post that read its blockers just before the approval committed), so once the run ends, its next run comes at the
 * wake's time rather than at the time the run chose. The running node is played by the test, writing what
 * db-scheduler writes when a node picks an execution and when its run ends. The job is a scheduled launch of a
 * campaign that does not exist, which does nothing when it runs and leaves no row.
 */
@FlightdeckTest
class JobWakeTests {

    record LaunchData(UUID workspaceId, UUID campaignId) implements WorkspaceTask {
    }

    private static final JobKind<LaunchData> LAUNCH = JobKind.of("scheduled-launch", LaunchData.class,
            LaunchData::new);

    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWakeThatFindsItsJobRunningBringsTheNextRunForwardOnceTheRunEnds() throws InterruptedException {
        UUID workspace = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        String id = campaign.toString();
        Instant now = Instant.now();
        jdbc.sql("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
                                             last_heartbeat, consecutive_failures, version)
                values ('scheduled-launch', ?, ?, ?, true, 'another-node', ?, 0, 2)""")
                .params(id, ("{\"workspaceId\":\"" + workspace + "\",\"campaignId\":\"" + id + "\"}")
                        .getBytes(StandardCharsets.UTF_8), Timestamp.from(now.minusSeconds(1)), Timestamp.from(now))
                .update();

        jobs.wake(LAUNCH, workspace, campaign, now);

        // while the other node runs it, the execution is its own: nothing touches the row
        Thread.sleep(600);
        assertThat(version(id)).isEqualTo(2);
        // the run ends having read the object before the wake's change, so it chose an hour's wait
        jdbc.sql("""
                update scheduled_tasks set picked = false, picked_by = null, last_heartbeat = null,
                                           execution_time = ?, version = 3
                where task_name = 'scheduled-launch' and task_instance = ?""")
                .params(Timestamp.from(now.plus(Duration.ofHours(1))), id).update();

        // the wake brings it forward: this node takes it, runs it (no such campaign: nothing to do) and removes it
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> version(id) == 0);
    }

    @Test
    void aWakeOfAJobThatIsNotRunningMovesItsNextRunAtOnce() {
        UUID workspace = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        String id = campaign.toString();
        jobs.schedule(LAUNCH, workspace, campaign, Instant.now().plus(Duration.ofHours(1)));

        jobs.wake(LAUNCH, workspace, campaign, Instant.now());

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> version(id) == 0);
    }

    /** The row's version (db-scheduler raises it when a node takes the execution), or 0 once it ran and was removed. */
    private long version(String id) {
        return jdbc.sql("select version from scheduled_tasks where task_name = 'scheduled-launch' and task_instance = ?")
                .param(id).query(Long.class).optional().orElse(0L);
    }
}

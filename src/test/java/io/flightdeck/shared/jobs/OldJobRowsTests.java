package io.flightdeck.shared.jobs;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rows in {@code scheduled_tasks} written before the jobs kit (task names and JSON data as the per-module schedule
 * classes wrote them) still run after an upgrade: each is read, run in its workspace and completed, never failed.
 * The objects they name do not exist, so each run finds nothing to do and ends; a row that could not be read would
 * stay behind with a failure counted.
 */
@FlightdeckTest
class OldJobRowsTests {

    /** The task names and the JSON field names of the first releases. */
    private static final Map<String, String> OLD_ROWS = Map.of(
            "channel-post", "{\"workspaceId\":\"%s\",\"channelPostId\":\"%s\"}",
            "render-job", "{\"workspaceId\":\"%s\",\"jobId\":\"%s\"}",
            "campaign-workflow", "{\"workspaceId\":\"%s\",\"campaignId\":\"%s\"}",
            "scheduled-launch", "{\"workspaceId\":\"%s\",\"campaignId\":\"%s\"}");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void rowsWrittenTheOldWayAreReadRunAndCompleted() {
        UUID workspace = workspaces.withoutApprovals("Old job rows").workspaceId();
        Map<String, String> instances = new java.util.HashMap<>();
        OLD_ROWS.forEach((task, json) -> {
            String id = UUID.randomUUID().toString();
            instances.put(task, id);
            jdbc.sql("""
                    insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                    values (?, ?, ?, ?, false, 1)""")
                    .params(task, id, json.formatted(workspace, id).getBytes(StandardCharsets.UTF_8),
                            Timestamp.from(Instant.now().minusSeconds(1)))
                    .update();
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> instances.forEach((task, id) -> {
            Integer failures = jdbc.sql("select coalesce(max(consecutive_failures), 0) from scheduled_tasks "
                    + "where task_name = ? and task_instance = ?").params(task, id).query(Integer.class).single();
            assertThat(failures).as("%s failures", task).isZero();
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?")
                    .params(task, id).query(Integer.class).single()).as("%s still waiting", task).isZero();
        }));
    }
}

package io.flightdeck.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Items run in chunks of a hundred, one transaction a chunk: an item that fails in the middle of a chunk rolls back
 * alone, the items before and after it in the same chunk keep their change, and every item's outcome is its own, over
 * more than one chunk, in both the change and its undo.
 */
@FlightdeckTest
class BulkChunkTests {

    private static final String BULK = "/api/v1/bulk";
    private static final int TASKS = 130;

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    private MvcTestResult settled(Member as, String operation, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(Json.read(api.as(as).get(BULK + "/"
                + operation), "$.status")));
        return api.as(as).get(BULK + "/" + operation);
    }

    /** Every item's state in request order, over the pages of 100 the API answers. */
    private List<String> states(Member as, String operation) {
        List<String> states = new ArrayList<>();
        for (int page = 0; page * 100 < TASKS; page++) {
            states.addAll(Json.<List<String>>read(api.as(as).get(BULK + "/" + operation + "/items?size=100&page="
                    + page), "$.items[*].state"));
        }
        return states;
    }

    @Test
    void failuresAmongAChunkFailAloneAndTheOthersKeepTheirChange() {
        Member owner = workspaces.workspace("Bulk chunks");
        String campaign = campaigns.create(owner, "Bulk chunks campaign");
        List<String> ids = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String task = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks",
                    Map.of("title", "Chunk task " + i)), "$.id");
            // a task in progress may be done; one to do may not: failures at the start, middle and end of each chunk
            boolean movable = i % 3 != 0 && i != 99 && i != 129;
            if (movable) {
                api.as(owner).post("/api/v1/tasks/" + task + "/status", Map.of("status", "in_progress"));
            }
            ids.add(task);
            expected.add(movable ? "SUCCEEDED" : "FAILED");
        }

        MvcTestResult started = api.as(owner).post(BULK, Map.of("type", "tasks", "action", "status", "ids", ids,
                "params", Map.of("status", "done")));
        assertThat(started).hasStatus(202);
        String operation = Json.read(started, "$.id");
        MvcTestResult done = settled(owner, operation, "FINISHED");
        long succeeded = expected.stream().filter("SUCCEEDED"::equals).count();
        assertThat(Json.<Integer>read(done, "$.done")).isEqualTo(TASKS);
        assertThat(Json.<Integer>read(done, "$.succeeded")).isEqualTo((int) succeeded);
        assertThat(Json.<Integer>read(done, "$.failed")).isEqualTo(TASKS - (int) succeeded);
        assertThat(states(owner, operation)).containsExactlyElementsOf(expected);
        for (int i = 0; i < TASKS; i++) {
            assertThat(Json.<String>read(api.as(owner).get("/api/v1/tasks/" + ids.get(i)), "$.status"))
                    .as("task %d", i).isEqualTo(expected.get(i).equals("SUCCEEDED") ? "DONE" : "TODO");
        }

        // one task changed since the bulk action, in the middle of the first chunk: only its undo fails
        api.as(owner).patch("/api/v1/tasks/" + ids.get(50), Map.of("title", "Changed since"));
        assertThat(api.as(owner).post(BULK + "/" + operation + "/undo")).hasStatus(202);
        MvcTestResult undone = settled(owner, operation, "UNDONE");
        assertThat(Json.<Integer>read(undone, "$.undone")).isEqualTo((int) succeeded - 1);
        assertThat(Json.<Integer>read(undone, "$.undoFailed")).isEqualTo(1);
        List<String> after = states(owner, operation);
        for (int i = 0; i < TASKS; i++) {
            String status = Json.read(api.as(owner).get("/api/v1/tasks/" + ids.get(i)), "$.status");
            if (i == 50) {
                assertThat(after.get(i)).isEqualTo("UNDO_FAILED");
                assertThat(status).isEqualTo("DONE");
            } else {
                assertThat(after.get(i)).as("item %d", i)
                        .isEqualTo(expected.get(i).equals("SUCCEEDED") ? "UNDONE" : "FAILED");
                assertThat(status).as("task %d", i).isEqualTo(expected.get(i).equals("SUCCEEDED") ? "IN_PROGRESS" : "TODO");
            }
        }
    }
}

package io.flightdeck.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starts bulk actions through the API and waits for them to settle, for the tests of each item type's bulk target. */
public final class BulkCalls {

    public static final String BULK = "/api/v1/bulk";

    private final ApiClient api;

    public BulkCalls(ApiClient api) {
        this.api = api;
    }

    public MvcTestResult request(Member as, String type, String action, List<String> ids, Map<String, Object> params) {
        return api.as(as).post(BULK, Map.of("type", type, "action", action, "ids", ids, "params", params));
    }

    /** Starts one and answers its id, asserting it was accepted. */
    public String start(Member as, String type, String action, List<String> ids, Map<String, Object> params) {
        MvcTestResult started = request(as, type, action, ids, params);
        assertThat(started).hasStatus(202);
        return Json.read(started, "$.id");
    }

    /** Waits until the operation reaches the status (FINISHED, UNDONE) and answers it. */
    public MvcTestResult settled(Member as, String operation, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(Json.read(api.as(as).get(BULK + "/"
                + operation), "$.status")));
        return api.as(as).get(BULK + "/" + operation);
    }

    public String finished(Member as, String type, String action, List<String> ids, Map<String, Object> params) {
        String operation = start(as, type, action, ids, params);
        settled(as, operation, "FINISHED");
        return operation;
    }

    public void undone(Member as, String operation) {
        assertThat(api.as(as).post(BULK + "/" + operation + "/undo")).hasStatus(202);
        settled(as, operation, "UNDONE");
    }

    public List<String> states(Member as, String operation) {
        return Json.read(api.as(as).get(BULK + "/" + operation + "/items"), "$.items[*].state");
    }

    public String reason(Member as, String operation, int index) {
        return Json.read(api.as(as).get(BULK + "/" + operation + "/items"), "$.items[" + index + "].reason");
    }
}

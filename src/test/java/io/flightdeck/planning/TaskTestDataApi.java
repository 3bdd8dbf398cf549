package io.flightdeck.planning;

import java.util.List;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The task API as the task tests call it: campaigns to hold tasks, and one method per endpoint. */
public final class TaskTestDataApi {

    private final ApiClient api;

    public TaskTestDataApi(MockMvcTester mvc) {
        this.api = new ApiClient(mvc);
    }

    /** A campaign of type OTHER (no template, so no timeline unless a test lays one out). */
    public String campaign(Member as, String name) {
        return new TestCampaigns(api).create(as, name);
    }

    public void rename(Member member, String displayName) {
        assertThat(api.as(member).put("/api/v1/me", "{\"displayName\":\"" + displayName + "\",\"timeZone\":\"UTC\"}"))
                .hasStatusOk();
    }

    public MvcTestResult create(Member as, String campaignId, String body) {
        return post(as, "/api/v1/campaigns/" + campaignId + "/tasks", body);
    }

    /** Creates a task from a JSON body and returns its id. */
    public String createId(Member as, String campaignId, String body) {
        MvcTestResult created = create(as, campaignId, body);
        assertThat(created).as(Json.body(created)).hasStatus(201);
        return Json.read(created, "$.id");
    }

    public String task(Member as, String campaignId, String title) {
        return createId(as, campaignId, "{\"title\":\"" + title + "\"}");
    }

    public MvcTestResult get(Member as, String path) {
        return api.as(as).get(path);
    }

    public MvcTestResult task(Member as, String taskId) {
        return get(as, "/api/v1/tasks/" + taskId);
    }

    public <T> T read(Member as, String taskId, String path) {
        MvcTestResult result = task(as, taskId);
        assertThat(result).hasStatusOk();
        return Json.read(result, path);
    }

    public String status(Member as, String taskId) {
        return read(as, taskId, "$.status");
    }

    public MvcTestResult post(Member as, String path, String body) {
        return api.as(as).post(path, body);
    }

    public MvcTestResult patch(Member as, String taskId, String body, String ifMatch) {
        return api.as(as).ifMatch(ifMatch).patch("/api/v1/tasks/" + taskId, body);
    }

    public MvcTestResult put(Member as, String path, String body) {
        return api.as(as).put(path, body);
    }

    public MvcTestResult delete(Member as, String path) {
        return api.as(as).delete(path);
    }

    public MvcTestResult move(Member as, String taskId, String status) {
        return post(as, "/api/v1/tasks/" + taskId + "/status", "{\"status\":\"" + status + "\"}");
    }

    public MvcTestResult depend(Member as, String taskId, String predecessorId) {
        return post(as, "/api/v1/tasks/" + taskId + "/dependencies", "{\"predecessorId\":\"" + predecessorId + "\"}");
    }

    public MvcTestResult autoAssign(Member as, String taskId, boolean dryRun) {
        return post(as, "/api/v1/tasks/" + taskId + "/auto-assign" + (dryRun ? "?dryRun=true" : ""), null);
    }

    public MvcTestResult assign(Member as, String taskId, String assigneeId) {
        return put(as, "/api/v1/tasks/" + taskId + "/assignee",
                "{\"assigneeId\":" + (assigneeId == null ? "null" : "\"" + assigneeId + "\"") + "}");
    }

    /** The titles a list answers, in order. */
    public List<String> titles(Member as, String path) {
        MvcTestResult result = get(as, path);
        assertThat(result).as(Json.body(result)).hasStatusOk();
        return Json.read(result, "$.items[*].title");
    }
}

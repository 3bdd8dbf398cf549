package io.flightdeck.planning;

import java.util.List;

import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The task API as the task tests call it: campaigns to hold tasks, and one method per endpoint. */
public final class TaskTestDataApi {

    private final MockMvcTester mvc;

    public TaskTestDataApi(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** A campaign of type OTHER (no template, so no timeline unless a test lays one out). */
    public String campaign(Member as, String name) {
        MvcTestResult created = post(as, "/api/v1/campaigns", "{\"name\":\"" + name + "\",\"type\":\"OTHER\"}");
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    public void rename(Member member, String displayName) {
        assertThat(mvc.put().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, member.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"" + displayName + "\",\"timeZone\":\"UTC\"}").exchange()).hasStatusOk();
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
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, as.bearer()).exchange();
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
        var request = mvc.post().uri(path).header(HttpHeaders.AUTHORIZATION, as.bearer());
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    public MvcTestResult patch(Member as, String taskId, String body, String ifMatch) {
        var request = mvc.patch().uri("/api/v1/tasks/" + taskId).header(HttpHeaders.AUTHORIZATION, as.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    public MvcTestResult put(Member as, String path, String body) {
        return mvc.put().uri(path).header(HttpHeaders.AUTHORIZATION, as.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    public MvcTestResult delete(Member as, String path) {
        return mvc.delete().uri(path).header(HttpHeaders.AUTHORIZATION, as.bearer()).exchange();
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

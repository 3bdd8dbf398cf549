package io.flightdeck.planning;

import java.time.LocalDate;
import java.util.List;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planning API as the planning tests call it: workspaces without automatic timelines (so a test decides when a
 * timeline appears), campaigns with dates, priority and type, and timeline generation. Shared by the planning tests.
 */
public final class PlanningRequests {

    public static final String CAMPAIGNS = "/api/v1/campaigns";
    public static final String TEMPLATES = "/api/v1/timeline-templates";
    public static final String SETTINGS = "/api/v1/planning-settings";

    private final ApiClient api;

    public PlanningRequests(MockMvcTester mvc) {
        this.api = new ApiClient(mvc);
    }

    /** A new workspace (its owner) with automatic timelines switched off. */
    public Member workspace(TestWorkspaces workspaces, String name) {
        Member owner = workspaces.workspace(name);
        settings(owner, false, List.of());
        return owner;
    }

    /** Replaces the planning settings: automatic timelines, default buffers, and these holidays. */
    public void settings(Member as, boolean autoTimeline, List<LocalDate> holidays) {
        String dates = String.join(",", holidays.stream().map(d -> "\"" + d + "\"").toList());
        MvcTestResult saved = put(as, SETTINGS, """
                {"autoTimeline":%s,"bufferUrgent":5,"bufferHigh":10,"bufferMedium":15,"bufferLow":20,"holidays":[%s]}"""
                .formatted(autoTimeline, dates));
        assertThat(saved).hasStatusOk();
    }

    /** Creates a campaign and returns its id; {@code start} and {@code end} may be null. */
    public String campaign(Member as, String name, String type, String priority, LocalDate start, LocalDate end) {
        return new TestCampaigns(api).draft(name).type(type).priority(priority).dates(start, end).createdBy(as);
    }

    /** A product launch campaign with these dates and medium priority. */
    public String launch(Member as, String name, LocalDate start, LocalDate end) {
        return campaign(as, name, "PRODUCT_LAUNCH", "MEDIUM", start, end);
    }

    public MvcTestResult generate(Member as, String campaignId, String body) {
        return post(as, CAMPAIGNS + "/" + campaignId + "/timeline/generate", body);
    }

    /** Generates the timeline with the defaults (or the given body) and answers it; fails unless 200. */
    public MvcTestResult generated(Member as, String campaignId, String body) {
        MvcTestResult result = generate(as, campaignId, body == null ? "{}" : body);
        assertThat(result).as(Json.body(result)).hasStatusOk();
        return result;
    }

    public MvcTestResult timeline(Member as, String campaignId) {
        return get(as, CAMPAIGNS + "/" + campaignId + "/timeline");
    }

    public MvcTestResult schedule(Member as, String taskId, String body) {
        return api.as(as).patch("/api/v1/tasks/" + taskId + "/schedule", body);
    }

    /** The id of the timeline item with this template key, read from a timeline answer. */
    public static String itemId(MvcTestResult timeline, String key) {
        List<String> ids = Json.read(timeline, "$.items[?(@.key == '" + key + "')].id");
        assertThat(ids).as("item %s", key).hasSize(1);
        return ids.get(0);
    }

    /** A field of the timeline item with this template key, e.g. {@code startDate}. */
    public static <T> T itemField(MvcTestResult timeline, String key, String field) {
        List<T> values = Json.read(timeline, "$.items[?(@.key == '" + key + "')]." + field);
        assertThat(values).as("item %s", key).hasSize(1);
        return values.get(0);
    }

    public MvcTestResult get(Member as, String path) {
        return api.as(as).get(path);
    }

    public MvcTestResult post(Member as, String path, String body) {
        return api.as(as).post(path, body);
    }

    public MvcTestResult put(Member as, String path, String body) {
        return api.as(as).put(path, body);
    }

    /** A PUT with If-Match (left out when {@code ifMatch} is null). */
    public MvcTestResult put(Member as, String path, String body, String ifMatch) {
        return api.as(as).ifMatch(ifMatch).put(path, body);
    }

    public MvcTestResult delete(Member as, String path) {
        return api.as(as).delete(path);
    }
}

package io.flightdeck.approvals;

import java.time.LocalDate;
import java.util.List;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approvals API (and the campaign and profile calls around it) as the approvals tests call it. Public because
 * the engine-level tests in the {@code domain} package use it too.
 */
public final class ApprovalRequests {

    public static final String CAMPAIGNS = "/api/v1/campaigns";
    public static final String APPROVALS = "/api/v1/approvals";

    private final ApiClient api;

    public ApprovalRequests(MockMvcTester mvc) {
        this.api = new ApiClient(mvc);
    }

    // ---- plain requests

    public MvcTestResult get(Member as, String path) {
        return api.as(as).get(path);
    }

    /** A POST with a JSON body, or with none when {@code body} is null. */
    public MvcTestResult post(Member as, String path, String body) {
        return api.as(as).post(path, body);
    }

    public MvcTestResult put(Member as, String path, String body) {
        return api.as(as).put(path, body);
    }

    public MvcTestResult delete(Member as, String path) {
        return api.as(as).delete(path);
    }

    /** Without any credentials, as an external reviewer calls. */
    public MvcTestResult anonymousGet(String path) {
        return api.anonymous().get(path);
    }

    public MvcTestResult anonymousPost(String path, String body) {
        return api.anonymous().post(path, body);
    }

    // ---- campaigns and members

    /**
     * A new campaign with the given priority, described so that it passes every one of the campaign's own readiness
     * items; returns its id.
     */
    public String campaign(Member manager, String name, String priority) {
        return new TestCampaigns(api).draft(name).description("Spring collection launch across email and social")
                .type("PRODUCT_LAUNCH").priority(priority).channels("EMAIL", "INSTAGRAM")
                .dates(LocalDate.parse("2027-03-01"), LocalDate.parse("2027-04-30")).budget("5000.00", "EUR")
                .createdBy(manager);
    }

    public String campaign(Member manager, String name) {
        return campaign(manager, name, "MEDIUM");
    }

    /**
     * Walks a new campaign to READY (plan, mark-ready) with its approvals still to come, so that launch is the next
     * move: an open approval scope refuses mark-ready, so the workspace's scopes are switched off for the walk and on
     * again after it, as if a manager added them once the campaign was ready.
     */
    public void makeReady(Member manager, String campaignId) {
        List<String> enabled = Json.read(get(manager, "/api/v1/approval-scopes"), "$[?(@.enabled == true)].key");
        enabled.forEach(scope -> assertThat(put(manager, "/api/v1/approval-scopes/" + scope, "{\"enabled\":false}"))
                .as("switching %s off", scope).hasStatusOk());
        assertThat(post(manager, CAMPAIGNS + "/" + campaignId + "/plan", null)).hasStatusOk();
        assertThat(post(manager, CAMPAIGNS + "/" + campaignId + "/mark-ready", null)).hasStatusOk();
        enabled.forEach(scope -> assertThat(put(manager, "/api/v1/approval-scopes/" + scope, "{\"enabled\":true}"))
                .as("switching %s on", scope).hasStatusOk());
    }

    /** A launch; without a body it confirms it is early (the test campaigns start in 2027). */
    public MvcTestResult launch(Member manager, String campaignId, String body) {
        return post(manager, CAMPAIGNS + "/" + campaignId + "/launch", body == null ? "{\"confirm\":true}" : body);
    }

    /** Gives the member a display name of their own (test members are all called "A Approver" and the like). */
    public void rename(Member member, String displayName) {
        assertThat(put(member, "/api/v1/me", "{\"displayName\":\"" + displayName + "\",\"timeZone\":\"UTC\"}"))
                .hasStatusOk();
    }

    // ---- campaign scopes

    public MvcTestResult initialize(Member as, String campaignId) {
        return post(as, CAMPAIGNS + "/" + campaignId + "/approvals/initialize", null);
    }

    /** Starts the campaign's approvals and returns them. */
    public MvcTestResult initialized(Member as, String campaignId) {
        MvcTestResult started = initialize(as, campaignId);
        assertThat(started).hasStatusOk();
        return started;
    }

    public static String scopePath(String campaignId, String scope) {
        return CAMPAIGNS + "/" + campaignId + "/approvals/" + scope;
    }

    /** The approval id of a campaign's scope. */
    public String scopeId(Member as, String campaignId, String scope) {
        MvcTestResult found = get(as, scopePath(campaignId, scope));
        assertThat(found).hasStatusOk();
        return Json.read(found, "$.id");
    }

    /** The state of each started scope, e.g. {@code content=APPROVED}, in scope order. */
    public List<String> scopeStates(Member as, String campaignId) {
        MvcTestResult list = get(as, CAMPAIGNS + "/" + campaignId + "/approvals");
        assertThat(list).hasStatusOk();
        List<String> scopes = Json.read(list, "$.scopes[*].scope");
        List<String> states = Json.read(list, "$.scopes[*].state");
        return java.util.stream.IntStream.range(0, scopes.size()).mapToObj(i -> scopes.get(i) + "=" + states.get(i))
                .toList();
    }

    // ---- one approval

    public MvcTestResult approval(Member as, String approvalId) {
        return get(as, APPROVALS + "/" + approvalId);
    }

    public String state(Member as, String approvalId) {
        MvcTestResult found = approval(as, approvalId);
        assertThat(found).hasStatusOk();
        return Json.read(found, "$.state");
    }

    public MvcTestResult approve(Member as, String approvalId) {
        return post(as, APPROVALS + "/" + approvalId + "/approve", null);
    }

    public MvcTestResult approve(Member as, String approvalId, String comment) {
        return post(as, APPROVALS + "/" + approvalId + "/approve", "{\"comment\":\"" + comment + "\"}");
    }

    public MvcTestResult reject(Member as, String approvalId, String reason) {
        return post(as, APPROVALS + "/" + approvalId + "/reject",
                reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}");
    }

    public MvcTestResult requestReview(Member as, String approvalId, String comment) {
        return post(as, APPROVALS + "/" + approvalId + "/request-review",
                comment == null ? null : "{\"comment\":\"" + comment + "\"}");
    }

    public MvcTestResult history(Member as, String approvalId) {
        MvcTestResult history = get(as, APPROVALS + "/" + approvalId + "/history?size=100");
        assertThat(history).hasStatusOk();
        return history;
    }

    /** The history's kinds, oldest first. */
    public List<String> historyKinds(Member as, String approvalId) {
        List<String> kinds = new java.util.ArrayList<>(Json.<List<String>>read(history(as, approvalId), "$.items[*].kind"));
        java.util.Collections.reverse(kinds);
        return kinds;
    }

    /** The approval ids in the member's inbox. */
    public List<String> inbox(Member as) {
        MvcTestResult inbox = get(as, APPROVALS + "/inbox?size=100");
        assertThat(inbox).hasStatusOk();
        return Json.read(inbox, "$.items[*].id");
    }

    // ---- settings

    /** Replaces a scope's stages; {@code stages} is the JSON array. */
    public MvcTestResult routeScope(Member manager, String scope, String stages) {
        return put(manager, "/api/v1/approval-scopes/" + scope, "{\"stages\":" + stages + "}");
    }
}

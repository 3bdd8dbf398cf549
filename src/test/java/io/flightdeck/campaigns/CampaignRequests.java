package io.flightdeck.campaigns;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The campaign API as the campaign tests call it: bodies, requests, and the walk to any lifecycle state. */
final class CampaignRequests {

    static final String BASE = "/api/v1/campaigns";
    static final String DESCRIPTION = "Spring collection launch across email and social";

    /** How to reach each status from a new draft, spelled out here rather than read from the code under test. */
    static final Map<CampaignStatus, List<String>> PATHS = Map.of(
            CampaignStatus.DRAFT, List.of(),
            CampaignStatus.PLANNING, List.of("plan"),
            CampaignStatus.READY, List.of("plan", "mark-ready"),
            CampaignStatus.ACTIVE, List.of("plan", "mark-ready", "launch"),
            CampaignStatus.PAUSED, List.of("plan", "mark-ready", "launch", "pause"),
            CampaignStatus.COMPLETED, List.of("plan", "mark-ready", "launch", "complete"),
            CampaignStatus.CANCELLED, List.of("cancel"),
            CampaignStatus.ARCHIVED, List.of("cancel", "archive"));

    private final ApiClient api;

    CampaignRequests(MockMvcTester mvc) {
        this.api = new ApiClient(mvc);
    }

    /** A campaign that passes every one of the campaign's own readiness items. */
    static String readyBody(String name) {
        return """
                {"name":"%s","description":"%s","type":"PRODUCT_LAUNCH","channels":["EMAIL","INSTAGRAM"],
                 "startDate":"2027-03-01","endDate":"2027-03-31","budget":{"amount":5000.00,"currency":"EUR"}}"""
                .formatted(name, DESCRIPTION);
    }

    /** Only what the API requires: a name and a type (the owner defaults to the creator). */
    static String bareBody(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"OTHER\"}";
    }

    MvcTestResult create(Member as, String body) {
        return api.as(as).post(BASE, body);
    }

    /** Creates and returns the new campaign's id. */
    String createId(Member as, String body) {
        MvcTestResult created = create(as, body);
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    MvcTestResult get(Member as, String id) {
        return api.as(as).get(BASE + "/" + id);
    }

    /** GET of any path, e.g. {@code /api/v1/campaign-settings}. */
    MvcTestResult fetch(Member as, String path) {
        return api.as(as).get(path);
    }

    MvcTestResult put(Member as, String id, String body, String ifMatch) {
        return api.as(as).ifMatch(ifMatch).put(BASE + "/" + id, body);
    }

    MvcTestResult delete(Member as, String id) {
        return api.as(as).delete(BASE + "/" + id);
    }

    MvcTestResult restore(Member as, String id) {
        return api.as(as).post(BASE + "/" + id + "/restore");
    }

    /**
     * A lifecycle move without a body; a launch confirms its warnings, as the test campaigns start in 2027 (send a
     * body, e.g. {@code "{}"}, to launch without confirming).
     */
    MvcTestResult transition(Member as, String id, String transition) {
        return transition.equals("launch") ? transition(as, id, transition, CONFIRM)
                : api.as(as).post(BASE + "/" + id + "/" + transition);
    }

    MvcTestResult transition(Member as, String id, String transition, String body) {
        return api.as(as).post(BASE + "/" + id + "/" + transition, body);
    }

    MvcTestResult readiness(Member as, String id) {
        return fetch(as, BASE + "/" + id + "/readiness");
    }

    MvcTestResult activity(Member as, String id) {
        return fetch(as, BASE + "/" + id + "/activity?size=100");
    }

    /** The activity sentences, newest first. */
    List<String> sentences(Member as, String id) {
        MvcTestResult activity = activity(as, id);
        assertThat(activity).hasStatusOk();
        return Json.read(activity, "$.items[*].sentence");
    }

    /**
     * Walks a campaign from draft to the given status through the API. The launch confirms its warnings: the test
     * campaigns start in 2027, so launching today is early.
     */
    void moveTo(Member as, String id, CampaignStatus status) {
        for (String step : PATHS.get(status)) {
            assertThat(transition(as, id, step)).as("%s on the way to %s", step, status).hasStatusOk();
        }
    }

    /** The body of a launch that confirms its warnings (early, plan ends late). */
    static final String CONFIRM = "{\"confirm\":true}";

    /** A new, fully ready campaign (its own details and a complete strategy) already in the given status. */
    String campaignIn(Member as, CampaignStatus status, String name) {
        String id = createId(as, readyBody(name));
        addCompleteStrategy(as, id);
        moveTo(as, id, status);
        return id;
    }

    /**
     * A strategy with every field the strategy module's readiness item asks for, so that item is done. Waits for the
     * save's line in the activity feed (written after commit by the strategy module), so a test that counts the feed
     * counts from a settled one.
     */
    void addCompleteStrategy(Member as, String id) {
        MvcTestResult saved = api.as(as).post(BASE + "/" + id + "/strategies", STRATEGY);
        assertThat(saved).hasStatus(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sentences(as, id)).anyMatch(sentence -> sentence.contains("saved the first strategy")));
    }

    static final String STRATEGY = """
            {"platforms":["EMAIL","INSTAGRAM"],"goals":["2,000 sign-ups"],"targetAudience":"Urban cyclists, 25-40",
             "contentPillars":["Craft","Commute"],"brandTone":"Warm and direct","cadence":"3 posts a week",
             "adsConfig":{"objective":"LEADS","budgetSplit":{"INSTAGRAM":100},"biddingNotes":"Lowest cost"}}""";

    /** The display name of the member, as activity and audit rows write it. */
    String displayName(Member as) {
        return Json.read(fetch(as, "/api/v1/me"), "$.displayName");
    }
}
